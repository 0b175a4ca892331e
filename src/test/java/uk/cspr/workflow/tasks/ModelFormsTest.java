package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * Every person-facing step of every model in processes/ has a Camunda Form (CONVENTIONS "User tasks
 * reference Camunda Forms"): each user task and each start event of a process has
 * {@code camunda:formRef} with {@code camunda:formRefBinding="deployment"}, and
 * {@code forms/<formRef>.form} exists with that {@code id}. Exempt, and only these: the start
 * events of a process marked {@code camunda:isStartableInTasklist="false"} (started by another flow,
 * never by people) and the start events inside sub-processes (a scope's internal start). Every
 * variable a gateway condition reads is a field of the model's forms, an output the model itself
 * declares (incl. what a called process hands back), or a variable constant of the flow's backing
 * class. Every case value a step's form shows — a {@code {{shown.x}}} text template
 * ({@link ShownValues}) or a disabled field — is a variable the step's process has (issue 14.2).
 */
class ModelFormsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** Variables the engine provides to every expression. */
  private static final Set<String> ENGINE_VARIABLES = Set.of("execution", "task", "authenticatedUserId",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  @Test
  void everyUserTaskAndStartEventHasADeployedCamundaForm() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> exempt = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        boolean startable = !Boolean.FALSE.equals(process.isCamundaStartableInTasklist());
        for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
          if (startable) {
            checkForm(file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
          } else {
            exempt.add(file.getFileName() + " " + start.getId() + " (process " + process.getId()
                + " has camunda:isStartableInTasklist=\"false\")");
          }
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkForm(file, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
      }
    }
    exempt.forEach(start -> System.out.println("Start event exempt from the form rule: " + start));
    assertThat(problems).as("user tasks and start events without a deployed Camunda Form").isEmpty();
  }

  @Test
  void everyFormFileIsNamedAfterItsId() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        String id = JSON.readTree(form.toFile()).path("id").asText();
        if (!form.getFileName().toString().equals(id + ".form")) {
          problems.add(form + " has id '" + id + "'");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Tasklist 7.24 (form-js 1.8.7) refuses a whole form when two components share an id. */
  @Test
  void everyComponentIdIsUniqueWithinItsForm() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        Set<String> ids = new HashSet<>();
        collectDuplicateIds(JSON.readTree(form.toFile()).path("components"), ids, form, problems);
      }
    }
    assertThat(problems).as("component ids used twice in one form").isEmpty();
  }

  private static void collectDuplicateIds(JsonNode components, Set<String> ids, Path form, List<String> problems) {
    for (JsonNode component : components) {
      String id = component.path("id").asText();
      if (!ids.add(id)) {
        problems.add(form + ": " + id);
      }
      collectDuplicateIds(component.path("components"), ids, form, problems);
    }
  }

  @Test
  void everyVariableAGatewayReadsIsAFormFieldOrSetByTheFlow() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> beans = beanNames();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> known = new HashSet<>(ENGINE_VARIABLES);
        known.addAll(beans);
        known.addAll(constants(CaseVariables.class));
        known.addAll(backingClassVariables(process.getId()));
        known.addAll(formFields(model));
        known.addAll(declaredByModel(model));
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
          for (SequenceFlow flow : gateway.getOutgoing()) {
            if (flow.getConditionExpression() == null) {
              continue;
            }
            for (String variable : variables(flow.getConditionExpression().getTextContent())) {
              if (!known.contains(variable)) {
                problems.add(file.getFileName() + " " + flow.getId() + " (" + gateway.getId() + ") reads '" + variable
                    + "': not a field of the model's forms, not declared by the model, not a constant of the flow's backing class");
              }
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }


  /**
   * {@link ShownValues} fills {@code {{shown.x}}} from the task's variable x, and a disabled field
   * shows the variable of its key: a name the process never has shows "not recorded" or an empty
   * box for ever (issue 14.2).
   */
  @Test
  void everyValueAFormShowsIsAVariableItsProcessHas() throws IOException {
    assertThat(valuesNoProcessHas(readModels(), ModelFormsTest::form)).isEmpty();
  }

  /** The check above can fail: a form showing what its process never has is named, and only that. */
  @Test
  void aFormShowingWhatItsProcessNeverHasIsNamed() throws IOException {
    ObjectNode bad = (ObjectNode) form("writeChairReport");
    ArrayNode components = (ArrayNode) bad.get("components");
    components.addAll((ArrayNode) JSON.readTree("""
        [{"id": "Text_due", "type": "text", "text": "Due {{shown.chairReportDueAt}}, summary below"},
         {"id": "Text_typo", "type": "text", "text": "Agreed: {{ shown.lcsprAgred }}"},
         {"id": "Field_summary", "key": "incidentSummary", "type": "textarea", "disabled": true},
         {"id": "Field_invented", "key": "childsFavouriteColour", "type": "textfield", "readonly": true}]
        """));
    ObjectNode start = (ObjectNode) form("referral");
    ((ArrayNode) start.get("components")).add(JSON.readTree("{\"id\": \"Text_case\", \"type\": \"text\", \"text\": \"Case {{shown.caseReference}}\"}"));
    Function<String, JsonNode> forms = ref -> switch (ref) {
      case "writeChairReport" -> bad;
      case "referral" -> start;
      default -> form(ref);
    };

    assertThat(valuesNoProcessHas(readModels(), forms)).containsExactlyInAnyOrder(
        "rapidReview.bpmn userTask_writeChairReport (form writeChairReport) shows {{shown.lcsprAgred}}: rapidReview never has 'lcsprAgred'",
        "rapidReview.bpmn userTask_writeChairReport (form writeChairReport) shows disabled field 'childsFavouriteColour': rapidReview never has 'childsFavouriteColour'",
        "seriousIncidentNotification.bpmn startEvent_referralReceived (form referral) shows {{shown.caseReference}}: a start form has no case yet");
  }

  /**
   * For each user task and start event: its form's {@code {{shown.x}}} names and disabled or
   * read-only field keys that its process never has. A start form has no case yet, so it shows none.
   */
  static List<String> valuesNoProcessHas(Map<String, BpmnModelInstance> models, Function<String, JsonNode> forms) {
    Map<String, Set<String>> has = processVariables(models, forms);
    List<String> problems = new ArrayList<>();
    models.keySet().stream().sorted().forEach(file -> {
      BpmnModelInstance model = models.get(file);
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> variables = has.get(process.getId());
        for (FlowNode step : steps(process)) {
          String ref = step instanceof UserTask task ? task.getCamundaFormRef() : ((StartEvent) step).getCamundaFormRef();
          JsonNode form = ref == null ? null : forms.apply(ref);
          if (form == null) {
            continue;
          }
          boolean start = step instanceof StartEvent;
          String where = file + " " + step.getId() + " (form " + ref + ")";
          String lacks = start ? ": a start form has no case yet" : ": " + process.getId() + " never has '";
          for (String name : ShownValues.templated(form)) {
            if (start || !variables.contains(name)) {
              problems.add(where + " shows {{shown." + name + "}}" + lacks + (start ? "" : name + "'"));
            }
          }
          for (String key : fieldKeys(form.path("components"), false)) {
            if (start || !variables.contains(key)) {
              problems.add(where + " shows disabled field '" + key + "'" + lacks + (start ? "" : key + "'"));
            }
          }
        }
      }
    });
    return problems;
  }

  private static Map<String, BpmnModelInstance> readModels() throws IOException {
    Map<String, BpmnModelInstance> models = new HashMap<>();
    for (Path file : models()) {
      models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
    }
    return models;
  }

  /** The user tasks and start events of a process, those inside its sub-processes included. */
  private static List<FlowNode> steps(Process process) {
    List<FlowNode> steps = new ArrayList<>();
    for (FlowNode node : process.getModelInstance().getModelElementsByType(FlowNode.class)) {
      if ((node instanceof UserTask || node instanceof StartEvent) && processOf(node) == process) {
        steps.add(node);
      }
    }
    return steps;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  /**
   * The variables each process has: what its forms' fields people fill in record, what its model
   * declares, the constants of CaseVariables and of its backing class, and what every process that
   * calls it passes in ({@code camunda:in} targets; with {@code variables="all"} all the caller has).
   */
  private static Map<String, Set<String>> processVariables(Map<String, BpmnModelInstance> models, Function<String, JsonNode> forms) {
    Map<String, Set<String>> has = new HashMap<>();
    for (BpmnModelInstance model : models.values()) {
      Set<String> own = new HashSet<>(constants(CaseVariables.class));
      own.addAll(declaredByModel(model));
      for (String ref : formRefs(model)) {
        JsonNode form = forms.apply(ref);
        if (form != null) {
          own.addAll(fieldKeys(form.path("components"), true));
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> variables = new HashSet<>(own);
        variables.addAll(backingClassVariables(process.getId()));
        has.put(process.getId(), variables);
      }
    }
    boolean grown = true;
    while (grown) {
      grown = false;
      for (BpmnModelInstance model : models.values()) {
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
          Set<String> called = has.get(call.getCalledElement());
          if (called == null) {
            continue;
          }
          Set<String> caller = has.get(processOf(call).getId());
          for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
            if (in.getCamundaTarget() != null) {
              grown |= called.add(in.getCamundaTarget());
            } else if ("all".equals(in.getCamundaVariables())) {
              grown |= called.addAll(caller);
            }
          }
        }
      }
    }
    return has;
  }

  private static Set<String> formRefs(BpmnModelInstance model) {
    Set<String> refs = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(s -> refs.add(s.getCamundaFormRef()));
    refs.remove(null);
    return refs;
  }

  /** Keys of the fields people fill in ({@code editable}), or of those that only show a value. */
  private static Set<String> fieldKeys(JsonNode components, boolean editable) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode component : components) {
      boolean shows = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      if (component.hasNonNull("key") && shows != editable) {
        keys.add(component.get("key").asText());
      }
      if (!component.hasNonNull("path")) {
        keys.addAll(fieldKeys(component.path("components"), editable));
      }
    }
    return keys;
  }

  private static JsonNode form(String ref) {
    Path form = FORMS.resolve(ref + ".form");
    try {
      return Files.exists(form) ? JSON.readTree(form.toFile()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkForm(Path model, String elementId, String formRef, String binding, List<String> problems) {
    String where = model.getFileName() + " " + elementId;
    if (formRef == null || formRef.isBlank()) {
      problems.add(where + ": no camunda:formRef");
      return;
    }
    if (!"deployment".equals(binding)) {
      problems.add(where + ": camunda:formRefBinding is '" + binding + "', not 'deployment'");
    }
    Path form = FORMS.resolve(formRef + ".form");
    if (!Files.exists(form)) {
      problems.add(where + ": forms/" + formRef + ".form does not exist");
      return;
    }
    try {
      String id = JSON.readTree(form.toFile()).path("id").asText();
      if (!formRef.equals(id)) {
        problems.add(where + ": forms/" + formRef + ".form has id '" + id + "'");
      }
    } catch (IOException e) {
      problems.add(where + ": forms/" + formRef + ".form is not JSON: " + e.getMessage());
    }
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(models).as("models in processes/").isNotEmpty();
      return models;
    }
  }

  /** Field keys and list/group paths of every form the model references. */
  private static Set<String> formFields(BpmnModelInstance model) throws IOException {
    Set<String> refs = new HashSet<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(s -> refs.add(s.getCamundaFormRef()));
    Set<String> fields = new HashSet<>();
    for (String ref : refs) {
      Path form = ref == null ? null : FORMS.resolve(ref + ".form");
      if (form != null && Files.exists(form)) {
        collectFields(JSON.readTree(form.toFile()).path("components"), fields);
      }
    }
    return fields;
  }

  private static void collectFields(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component.get("key").asText());
      }
      if (component.hasNonNull("path")) {
        fields.add(component.get("path").asText().split("\\.")[0]);
      } else if (component.has("components")) {
        collectFields(component.get("components"), fields);
      }
    }
  }

  /** Result variables, input/output parameters and multi-instance variables the model declares. */
  private static Set<String> declaredByModel(BpmnModelInstance model) {
    Set<String> declared = new HashSet<>();
    for (Activity activity : model.getModelElementsByType(Activity.class)) {
      String result = activity.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "resultVariable");
      if (result != null) {
        declared.add(result);
      }
    }
    model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> declared.add(p.getCamundaName()));
    model.getModelElementsByType(CamundaInputParameter.class).forEach(p -> declared.add(p.getCamundaName()));
    // what a called process hands back (camunda:out); "all" hands back the called flow's variables
    for (CamundaOut out : model.getModelElementsByType(CamundaOut.class)) {
      if (out.getCamundaTarget() != null) {
        declared.add(out.getCamundaTarget());
      } else if ("all".equals(out.getCamundaVariables()) && out.getParentElement().getParentElement() instanceof CallActivity call) {
        declared.addAll(backingClassVariables(call.getCalledElement()));
      }
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      if (loop.getCamundaElementVariable() != null) {
        declared.add(loop.getCamundaElementVariable());
      }
    }
    return declared;
  }

  /** Identifiers read by an expression: not properties, methods, functions, literals or EL words. */
  static Set<String> variables(String text) {
    Set<String> variables = new HashSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
      Matcher identifier = IDENTIFIER.matcher(body);
      while (identifier.find()) {
        String name = identifier.group(1);
        if (!EL_WORDS.contains(name)) {
          variables.add(name);
        }
      }
    }
    return variables;
  }

  /**
   * String constants of the flow's backing class (CONVENTIONS: one class per process holding its
   * key and variable names): a class of uk.cspr.workflow with {@code KEY} equal to the process id.
   */
  private static Set<String> backingClassVariables(String processId) {
    Set<String> names = new HashSet<>();
    for (Class<?> type : workflowClasses()) {
      try {
        Field key = type.getDeclaredField("KEY");
        if (Modifier.isStatic(key.getModifiers()) && processId.equals(key.get(null))) {
          names.addAll(constants(type));
          for (Class<?> nested : type.getDeclaredClasses()) {
            names.addAll(constants(nested));
          }
        }
      } catch (NoSuchFieldException | IllegalAccessException notABackingClass) {
        // next class
      }
    }
    return names;
  }

  private static Set<String> beanNames() {
    Set<String> names = new HashSet<>();
    for (Class<?> type : workflowClasses()) {
      Component component = type.getAnnotation(Component.class);
      if (component != null && !component.value().isEmpty()) {
        names.add(component.value());
      }
    }
    return names;
  }

  private static Set<String> constants(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          values.add((String) field.get(null));
        } catch (IllegalAccessException | RuntimeException e) {
          // not readable: ignore
        }
      }
    }
    return values;
  }

  private static List<Class<?>> classes;

  private static synchronized List<Class<?>> workflowClasses() {
    if (classes == null) {
      var scanner = new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter((reader, factory) -> true);
      Map<String, Class<?>> found = new HashMap<>();
      for (BeanDefinition definition : scanner.findCandidateComponents("uk.cspr.workflow")) {
        try {
          found.put(definition.getBeanClassName(), Class.forName(definition.getBeanClassName()));
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable here: ignore
        }
      }
      classes = List.copyOf(found.values());
    }
    return classes;
  }
}
