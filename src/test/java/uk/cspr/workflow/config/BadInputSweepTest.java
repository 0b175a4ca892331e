package uk.cspr.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;

/**
 * Bad input never gets further than a clear 4xx. Sweeps every endpoint of ours (found in Spring's
 * handler mapping, so a new endpoint is covered without touching this test) and every start form's
 * REST equivalent ({@code /engine-rest/process-definition/key/{key}/submit-form} and {@code /start},
 * fields taken from the deployed Camunda Form): malformed JSON, wrong types, missing fields,
 * oversized strings, unknown partnerships, markup in coded fields. Nothing may be stored (process
 * instances, variables, outbox rows). Only a bad text value of a GET request's query parameter (a
 * search) may instead match nothing: a JSON answer that does not echo the markup. Markup in free text is accepted as text and must come out
 * escaped in e-mails and letters. Calls are made as an administrator of every partnership, so a
 * refusal is about the input, not about permissions.
 */
@CsprSpringBootTest
class BadInputSweepTest {

  static final String SCRIPT = "<script>alert('x')</script>";
  static final String HUGE = "x".repeat(100_000);
  static final String LONG_URL_VALUE = "x".repeat(5_000);
  private static final String ADMIN = "sweep-admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Our endpoints that are the REST equivalent of a start form: their body has the form's fields. */
  static final Map<String, String> START_FORM_ENDPOINTS = Map.of("POST /api/referrals", NotificationProcess.KEY);

  /** A valid start for processes whose start form a probe is derived from (field-level probes need one). */
  static final Map<String, Map<String, Object>> VALID_STARTS =
      Map.of(NotificationProcess.KEY, TestReferrals.referral("north-lincolnshire"));

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  /**
   * One bad request: what it tries, and the request. {@code textFilter}: a bad text value of a
   * safe (GET) request's query parameter, which may also be answered as a search matching nothing.
   */
  record Probe(String name, HttpMethod method, String path, String body, boolean textFilter) {
    Probe(String name, HttpMethod method, String path, String body) {
      this(name, method, path, body, false);
    }
  }

  /** A field of a Camunda Form ({@code list} = key of the dynamic list it belongs to, or null). */
  record Field(String key, String type, boolean required, int maxLength, List<String> options, String list) {}

  @BeforeEach
  void administrator() {
    if (identityService.createUserQuery().userId(ADMIN).count() == 0) {
      User user = identityService.newUser(ADMIN);
      user.setPassword(ADMIN + "-secret");
      identityService.saveUser(user);
      identityService.createMembership(ADMIN, CsprGroups.ADMIN);
      identityService.createTenantQuery().list()
          .forEach(tenant -> identityService.createTenantUserMembership(tenant.getId(), ADMIN));
    }
  }

  @Test
  void theSweepFindsOurEndpoints() {
    assertThat(endpoints().stream().map(Endpoint::toString))
        .contains("POST /api/referrals", "GET /api/calendar/working-days/add",
            "GET /api/cases/{caseReference}/correspondence/{id}/attachments/{name}");
    assertThat(startForms()).contains(NotificationProcess.KEY);
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointOfOursAnswersBadInputWithAClear4xxAndStoresNothing() {
    return endpoints().stream().flatMap(endpoint -> probes(endpoint).stream())
        .map(probe -> DynamicTest.dynamicTest(probe.name(), () -> assertRefused(probe)));
  }

  @TestFactory
  Stream<DynamicTest> everyStartFormsRestEquivalentRefusesBadInputAndStoresNothing() {
    List<Probe> probes = new ArrayList<>();
    for (String key : startForms()) {
      String base = "/engine-rest/process-definition/key/" + key;
      for (String operation : List.of("/submit-form", "/start")) {
        for (String body : rawBadBodies()) {
          probes.add(new Probe(key + operation + " " + abbreviate(body), HttpMethod.POST, base + operation, body));
        }
        fieldProbes(key).forEach((name, variables) ->
            probes.add(new Probe(key + operation + " " + name, HttpMethod.POST, base + operation, engineBody(variables))));
      }
    }
    return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> assertRefused(probe)));
  }

  @Test
  void theValidStartsUsedByTheProbesAreAccepted() {
    VALID_STARTS.forEach((key, variables) -> {
      ResponseEntity<String> response = send(new Probe("valid " + key, HttpMethod.POST,
          "/engine-rest/process-definition/key/" + key + "/submit-form", engineBody(variables)));
      assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    });
    ResponseEntity<String> referral = send(new Probe("valid referral", HttpMethod.POST, "/api/referrals",
        json(VALID_STARTS.get(NotificationProcess.KEY))));
    assertThat(referral.getStatusCode().value()).as(referral.getBody()).isEqualTo(201);
  }

  /** Markup in free text is kept as text: escaped in the e-mail's HTML, shown literally in the letters. */
  @Test
  void markupInCaseTextIsEscapedInEmailsAndLetters() throws IOException {
    Map<String, Object> referral = new LinkedHashMap<>(TestReferrals.referral("north-lincolnshire"));
    referral.put("referringAgency", SCRIPT);
    referral.put("referrerName", SCRIPT);
    referral.put("incidentSummary", SCRIPT + " <b>bold</b> <img src=x onerror=alert(1)>");
    Map<String, Object> child = new LinkedHashMap<>(TestReferrals.child());
    child.put("ethnicity", SCRIPT);
    referral.put("children", List.of(child));
    ResponseEntity<String> created = send(new Probe("referral", HttpMethod.POST, "/api/referrals", json(referral)));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode registered = JSON.readTree(created.getBody());
    String caseReference = registered.path("caseReference").asText();
    String taskId = taskService.createTaskQuery()
        .processInstanceId(registered.path("processInstanceId").asText())
        .taskDefinitionKey(NotificationProcess.Elements.INFORM_PARTNERS).singleResult().getId();
    ResponseEntity<String> completed = send(new Probe("complete", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"partnersInformedConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}"));
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);

    String html = jdbc.queryForObject("SELECT body_html FROM cspr_outbox_message WHERE case_reference = ?", String.class, caseReference);
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    JsonNode log = JSON.readTree(send(new Probe("log", HttpMethod.GET, "/api/cases/" + caseReference + "/correspondence", null)).getBody());
    JsonNode attachments = log.get(0).path("attachments");
    assertThat(attachments).hasSize(2);
    for (JsonNode attachment : attachments) {
      ResponseEntity<byte[]> pdf = rest.withBasicAuth(ADMIN, ADMIN + "-secret")
          .exchange(URI.create(rest.getRootUri() + attachment.path("url").asText()), HttpMethod.GET, null, byte[].class);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(new String(pdf.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript").doesNotContain("/JS ");
      String text = pdfText(pdf.getBody());
      assertThat(text).as("markup shown as text in " + attachment.path("name").asText())
          .contains(SCRIPT).contains("<b>bold</b>").contains("onerror=alert(1)>");
    }
  }

  // ---- the probes

  private void assertRefused(Probe probe) {
    long[] before = stored();
    ResponseEntity<String> response = send(probe);
    String body = response.getBody() == null ? "" : response.getBody();
    if (probe.textFilter() && response.getStatusCode().is2xxSuccessful()) {
      // a filter that matches nothing: JSON, the markup not echoed, nothing stored
      assertThat(response.getHeaders().getContentType()).isNotNull()
          .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
      assertThat(body).doesNotContain("<script");
      assertThat(stored()).as("nothing stored by " + probe.name()).containsExactly(before);
      return;
    }
    assertThat(response.getStatusCode().is4xxClientError())
        .as("%s %s answered %s: %s", probe.method(), probe.path(), response.getStatusCode(), abbreviate(body))
        .isTrue();
    assertThat(body).as("no stack trace in the answer").doesNotContain("\tat ").doesNotContain("Exception:\n");
    assertThat(stored()).as("nothing stored by " + probe.name()).containsExactly(before);
  }

  /** Process instances (history), variables and outbox rows. */
  private long[] stored() {
    return new long[] {
      historyService.createHistoricProcessInstanceQuery().count(),
      jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE", Long.class),
      jdbc.queryForObject("SELECT COUNT(*) FROM cspr_outbox_message", Long.class)
    };
  }

  private ResponseEntity<String> send(Probe probe) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
    return rest.withBasicAuth(ADMIN, ADMIN + "-secret").exchange(
        RequestEntity.method(probe.method(), URI.create(rest.getRootUri() + probe.path())).headers(headers)
            .body(probe.body() == null ? "" : probe.body()),
        String.class);
  }

  /** An endpoint of ours: method, path pattern and what it takes. */
  record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      if (!entry.getValue().getBeanType().getPackageName().startsWith("uk.cspr.workflow")) {
        continue;
      }
      Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
      for (String pattern : entry.getKey().getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(new Endpoint(method, pattern, entry.getValue()));
        }
      }
    }
    return endpoints;
  }

  /** Bad requests for one endpoint, built from its parameters. */
  private List<Probe> probes(Endpoint endpoint) {
    HttpMethod method = HttpMethod.valueOf(endpoint.method().name());
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, Class<?>> queryTypes = new LinkedHashMap<>();
    List<String> optional = new ArrayList<>();
    boolean hasBody = false;
    for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
      parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
      PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
      RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
      if (pathVariable != null) {
        pathValues.put(name(pathVariable.value(), parameter), "NL-2026-0001");
      } else if (requestParam != null) {
        String name = name(requestParam.value(), parameter);
        query.put(name, sample(parameter.getParameterType()));
        queryTypes.put(name, parameter.getParameterType());
        if (!requestParam.required()) {
          optional.add(name);
        }
      } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
        hasBody = true;
      }
    }
    List<Probe> probes = new ArrayList<>();
    String validBody = hasBody ? "{}" : null;
    for (String variable : pathValues.keySet()) {
      for (String bad : List.of(SCRIPT, LONG_URL_VALUE, "../../etc/passwd", "%00")) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        values.put(variable, bad);
        probes.add(probe(endpoint, method, "{" + variable + "}=" + abbreviate(bad), values, query, validBody));
      }
    }
    for (String name : query.keySet()) {
      List<String> bads = new ArrayList<>(List.of(LONG_URL_VALUE, SCRIPT));
      if (Number.class.isAssignableFrom(boxed(queryTypes.get(name)))) {
        bads.addAll(List.of("seven", "1.5", "99999999999999999999", "-2147483649"));
      } else if (queryTypes.get(name) == LocalDate.class) {
        bads.addAll(List.of("2026-02-30", "24/12/2026", "0000-01-01", "+99999-01-01"));
      }
      boolean textFilter = method == HttpMethod.GET && queryTypes.get(name) == String.class;
      for (String bad : bads) {
        Map<String, String> values = new LinkedHashMap<>(query);
        values.put(name, bad);
        Probe probe = probe(endpoint, method, name + "=" + abbreviate(bad), pathValues, values, validBody);
        probes.add(new Probe(probe.name(), probe.method(), probe.path(), probe.body(), textFilter));
      }
      if (!optional.contains(name)) {
        Map<String, String> values = new LinkedHashMap<>(query);
        values.remove(name);
        probes.add(probe(endpoint, method, "missing " + name, pathValues, values, validBody));
      }
    }
    if (hasBody) {
      for (String body : rawBadBodies()) {
        probes.add(probe(endpoint, method, "body " + abbreviate(body), pathValues, query, body));
      }
      String process = START_FORM_ENDPOINTS.get(endpoint.toString());
      if (process != null) {
        fieldProbes(process).forEach((name, variables) ->
            probes.add(probe(endpoint, method, name, pathValues, query, json(variables))));
      }
    }
    return probes;
  }

  private static Probe probe(Endpoint endpoint, HttpMethod method, String what, Map<String, String> pathValues,
      Map<String, String> query, String body) {
    String path = endpoint.pattern();
    for (Map.Entry<String, String> value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
    }
    StringBuilder url = new StringBuilder(path);
    query.forEach((name, value) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(encode(value)));
    return new Probe(endpoint + " " + what, method, url.toString(), body);
  }

  /** Bodies no endpoint may accept. */
  private static List<String> rawBadBodies() {
    return List.of(
        "{not json",
        "[]",
        "\"text\"",
        "42",
        "{\"variables\": \"oops\"}",
        "{\"variables\": {}}",
        "{}",
        "{\"variables\": {\"x\": {\"value\": \"y\", \"type\": \"NoSuchType\"}}}",
        // a Java-serialized object: the engine must refuse the format, never deserialize it
        "{\"variables\": {\"x\": {\"value\": \"rO0ABXQAA2Zvbw==\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}");
  }

  /**
   * Field-level bad starts from the process's start form: each field missing (if required), of the
   * wrong type, too long, or with markup where only a code is allowed, on top of a valid start when
   * one is known (otherwise everything is wrong at once).
   */
  private Map<String, Map<String, Object>> fieldProbes(String processKey) {
    List<Field> fields = startFormFields(processKey);
    Map<String, Object> valid = VALID_STARTS.get(processKey);
    Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
    if (valid == null) {
      Map<String, Object> wrong = new LinkedHashMap<>();
      Map<String, Object> oversized = new LinkedHashMap<>();
      fields.stream().filter(f -> f.list() == null).forEach(f -> {
        wrong.put(f.key(), wrongType(f));
        oversized.put(f.key(), HUGE);
      });
      probes.put("every field of the wrong type", wrong);
      probes.put("every field " + HUGE.length() + " characters", oversized);
      return probes;
    }
    for (Field field : fields) {
      if (field.list() == null) {
        if (field.required()) {
          probes.put("missing " + field.key(), without(valid, field.key()));
        }
        probes.put(field.key() + " of the wrong type", with(valid, field.key(), wrongType(field)));
        if (field.maxLength() > 0) {
          probes.put(field.key() + " longer than " + field.maxLength(), with(valid, field.key(), "x".repeat(field.maxLength() + 1)));
          probes.put(field.key() + " " + HUGE.length() + " characters", with(valid, field.key(), HUGE));
        }
        if (!field.options().isEmpty() || field.type().equals("datetime") || field.key().toLowerCase().contains("email")) {
          probes.put(field.key() + " with markup", with(valid, field.key(), SCRIPT));
        }
      } else {
        Map<String, Object> child = firstOf(valid, field.list());
        if (field.required()) {
          Map<String, Object> missing = new LinkedHashMap<>(child);
          missing.remove(field.key());
          probes.put(field.list() + "[1]." + field.key() + " missing", with(valid, field.list(), List.of(missing)));
        }
        Map<String, Object> wrong = new LinkedHashMap<>(child);
        wrong.put(field.key(), wrongType(field));
        probes.put(field.list() + "[1]." + field.key() + " of the wrong type", with(valid, field.list(), List.of(wrong)));
        if (field.maxLength() > 0) {
          Map<String, Object> longer = new LinkedHashMap<>(child);
          longer.put(field.key(), "x".repeat(field.maxLength() + 1));
          probes.put(field.list() + "[1]." + field.key() + " too long", with(valid, field.list(), List.of(longer)));
        }
      }
    }
    fields.stream().map(Field::list).filter(list -> list != null).distinct().forEach(list -> {
      probes.put(list + " empty", with(valid, list, List.of()));
      probes.put(list + " not a list", with(valid, list, "three"));
      probes.put(list + " of 50 entries", with(valid, list, Collections.nCopies(50, firstOf(valid, list))));
    });
    probes.put("unknown partnership", with(valid, "partnership", "atlantis"));
    return probes;
  }

  private static Object wrongType(Field field) {
    return switch (field.type()) {
      case "textfield", "textarea" -> 42;
      case "number" -> "seven";
      case "checkbox", "radio" -> "maybe";
      case "select" -> "NOT_AN_OPTION";
      case "datetime" -> "next Tuesday";
      default -> List.of(1, 2);
    };
  }

  /** Process keys (latest versions) whose start event has a form. */
  private List<String> startForms() {
    List<String> keys = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      boolean hasForm = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class)
          .stream()
          .filter(start -> start.getParentElement() instanceof Process)
          .anyMatch(start -> start.getCamundaFormRef() != null || start.getCamundaFormKey() != null);
      if (hasForm) {
        keys.add(definition.getKey());
      }
    }
    return keys;
  }

  private List<Field> startFormFields(String processKey) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    String formRef = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class)
        .stream().filter(start -> start.getParentElement() instanceof Process)
        .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null).findFirst().orElse(null);
    if (formRef == null) {
      return List.of(); // an embedded or external form: only the raw probes apply
    }
    String resource = repositoryService.getDeploymentResourceNames(definition.getDeploymentId()).stream()
        .filter(name -> name.endsWith("/" + formRef + ".form") || name.equals(formRef + ".form"))
        .findFirst().orElseThrow();
    try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
      List<Field> fields = new ArrayList<>();
      collectFields(JSON.readTree(in).path("components"), null, fields);
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectFields(JsonNode components, String list, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (type.equals("dynamiclist")) {
        collectFields(component.path("components"), component.path("path").asText(), fields);
      } else if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        JsonNode validate = component.path("validate");
        fields.add(new Field(component.path("key").asText(), type, validate.path("required").asBoolean(false),
            validate.path("maxLength").asInt(0), options, list));
      }
    }
  }

  // ---- helpers

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, Object> without(Map<String, Object> values, String key) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.remove(key);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstOf(Map<String, Object> values, String list) {
    return (Map<String, Object>) ((List<?>) values.get(list)).get(0);
  }

  /** The variables as {@code /engine-rest} takes them: typed values, lists as JSON. */
  private static String engineBody(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name,
        value instanceof Boolean ? Map.of("value", value, "type", "Boolean")
            : value instanceof Integer ? Map.of("value", value, "type", "Integer")
            : value instanceof List<?> list ? Map.of("value", json(list), "type", "Json")
            : Map.of("value", String.valueOf(value), "type", "String")));
    return json(Map.of("variables", typed));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(String annotated, MethodParameter parameter) {
    return annotated.isEmpty() ? parameter.getParameterName() : annotated;
  }

  private static String sample(Class<?> type) {
    return type == LocalDate.class ? "2026-12-24" : Number.class.isAssignableFrom(boxed(type)) ? "2027" : "x";
  }

  private static Class<?> boxed(Class<?> type) {
    return type == int.class ? Integer.class : type == long.class ? Long.class : type;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 280) + "…(" + oneLine.length() + " chars)";
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
