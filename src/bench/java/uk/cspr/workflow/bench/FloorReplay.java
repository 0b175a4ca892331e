package uk.cspr.workflow.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.task.delegate.TaskListenerInvocation;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's own floor for benchmark 2. A bench-only {@link DelegateInterceptor} sees every
 * invocation of a Java delegate, execution listener or task listener. Invocations of our code
 * (classes in {@code uk.cspr.workflow}: the {@code delegateExpression} beans such as
 * {@code sendCorrespondence}, {@code registerReferral}, {@code deadlineBreach}, and the built-in
 * task listeners {@code TaskLabels} and {@code TaskFormCheck}) are
 * <ul>
 *   <li>in the <b>real</b> engine: run as usual; during one recorded (unmeasured) lifecycle the
 *       variables and task fields they changed are captured, per element and event, in order;
 *   <li>in the <b>floor</b> engine: not run at all; the interceptor writes the recorded variables
 *       and task fields instead, so the same models take the same paths and the engine persists the
 *       same state, but none of our work happens (no validation, calendar or DMN look-ups in our
 *       code, no letters rendered, no outbox rows, no delivery or parallel-review instances).
 * </ul>
 * Expressions, decisions (DMN) and everything else the engine invokes pass through unchanged.
 */
final class FloorReplay {

  enum Mode { PASS, RECORD, REPLAY }

  /** One invocation's effect: variables set (typed), removed, and task fields changed. */
  record Effect(Map<String, TypedValue> set, Map<String, TypedValue> setLocal, List<String> removed, Map<String, Object> task) {}

  private static final Map<String, List<Effect>> RECORDED = new ConcurrentHashMap<>();
  private static final Map<String, Integer> CURSOR = new ConcurrentHashMap<>();
  private static final Map<String, Integer> INVOCATIONS = new ConcurrentHashMap<>();

  /** Forgets the replay position: call before each floor lifecycle. */
  static void rewind() {
    CURSOR.clear();
  }

  static int recordedKeys() {
    return RECORDED.size();
  }

  static int recordedEffects() {
    return RECORDED.values().stream().mapToInt(List::size).sum();
  }

  /** Invocations of our code seen per mode (real: run, floor: replayed). */
  static Map<String, Integer> invocations() {
    return new LinkedHashMap<>(INVOCATIONS);
  }

  /** The plugin installing the interceptor; {@link #mode} may be changed between lifecycles. */
  static final class Plugin extends AbstractProcessEnginePlugin {

    volatile Mode mode;

    Plugin(Mode mode) {
      this.mode = mode;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      DelegateInterceptor engine = configuration.getDelegateInterceptor();
      configuration.setDelegateInterceptor(invocation -> handle(invocation, engine));
      // Our history handlers (the deadlines board index and duty outcomes) are our code too: the
      // floor writes the engine's history only
      HistoryEventHandler withOurs = configuration.getHistoryEventHandler();
      HistoryEventHandler engineOnly = new DbHistoryEventHandler();
      configuration.setHistoryEventHandler(new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
          (mode == Mode.REPLAY ? engineOnly : withOurs).handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
          (mode == Mode.REPLAY ? engineOnly : withOurs).handleEvents(events);
        }
      });
    }

    private void handle(DelegateInvocation invocation, DelegateInterceptor engine) throws Exception {
      Object target = target(invocation);
      if (target == null || !target.getClass().getName().startsWith("uk.cspr.workflow.")) {
        engine.handleInvocation(invocation);
        return;
      }
      Mode current = mode;
      INVOCATIONS.merge(current.name(), 1, Integer::sum);
      switch (current) {
        case PASS -> engine.handleInvocation(invocation);
        case RECORD -> record(invocation, target, engine);
        case REPLAY -> replay(invocation, target);
      }
    }
  }

  // ------------------------------------------------------------------ record

  private static void record(DelegateInvocation invocation, Object target, DelegateInterceptor engine) throws Exception {
    VariableScope scope = scope(invocation);
    DelegateTask task = scope instanceof DelegateTask t ? t : null;
    Map<String, String> before = fingerprints(typed(scope.getVariablesTyped(true)));
    Map<String, String> beforeLocal = fingerprints(typed(scope.getVariablesLocalTyped(true)));
    Map<String, Object> taskBefore = taskFields(task);
    String key = key(invocation, target); // before: the listener may rename the task
    engine.handleInvocation(invocation);
    Map<String, TypedValue> after = typed(scope.getVariablesTyped(true));
    Map<String, TypedValue> afterLocal = typed(scope.getVariablesLocalTyped(true));
    Map<String, TypedValue> set = new LinkedHashMap<>();
    Map<String, TypedValue> setLocal = new LinkedHashMap<>();
    afterLocal.forEach((name, value) -> {
      if (!Objects.equals(beforeLocal.get(name), fingerprint(value))) {
        setLocal.put(name, value);
      }
    });
    after.forEach((name, value) -> {
      if (!setLocal.containsKey(name) && !Objects.equals(before.get(name), fingerprint(value))) {
        set.put(name, value);
      }
    });
    List<String> removed = new ArrayList<>();
    before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(removed::add);
    Map<String, Object> taskChanges = new HashMap<>();
    taskFields(task).forEach((field, value) -> {
      if (!Objects.equals(taskBefore.get(field), value)) {
        taskChanges.put(field, value);
      }
    });
    RECORDED.computeIfAbsent(key, k -> new ArrayList<>()).add(new Effect(set, setLocal, removed, taskChanges));
  }

  // ------------------------------------------------------------------ replay

  private static void replay(DelegateInvocation invocation, Object target) {
    String key = key(invocation, target);
    List<Effect> effects = RECORDED.get(key);
    int index = CURSOR.merge(key, 1, Integer::sum) - 1;
    if (effects == null || index >= effects.size()) {
      throw new IllegalStateException("Floor replay: no recorded effect #" + (index + 1) + " for " + key
          + " (recorded: " + (effects == null ? 0 : effects.size()) + ")");
    }
    Effect effect = effects.get(index);
    VariableScope scope = scope(invocation);
    effect.removed().forEach(scope::removeVariable);
    effect.setLocal().forEach(scope::setVariableLocal);
    effect.set().forEach(scope::setVariable);
    if (scope instanceof DelegateTask task) {
      effect.task().forEach((field, value) -> {
        switch (field) {
          case "name" -> task.setName((String) value);
          case "description" -> task.setDescription((String) value);
          case "dueDate" -> task.setDueDate((Date) value);
          case "followUpDate" -> task.setFollowUpDate((Date) value);
          case "priority" -> task.setPriority((Integer) value);
          case "assignee" -> task.setAssignee((String) value);
          default -> throw new IllegalStateException(field);
        }
      });
    }
  }

  // ------------------------------------------------------------------ helpers

  private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

  /** The delegate or listener instance and its execution or task (protected fields of the invocation). */
  private static Field[] fields(DelegateInvocation invocation) {
    return FIELDS.computeIfAbsent(invocation.getClass(), type -> {
      try {
        Field target;
        Field scope;
        if (JavaDelegateInvocation.class.isAssignableFrom(type)) {
          target = JavaDelegateInvocation.class.getDeclaredField("delegateInstance");
          scope = JavaDelegateInvocation.class.getDeclaredField("execution");
        } else if (ExecutionListenerInvocation.class.isAssignableFrom(type)) {
          target = ExecutionListenerInvocation.class.getDeclaredField("executionListenerInstance");
          scope = ExecutionListenerInvocation.class.getDeclaredField("execution");
        } else if (TaskListenerInvocation.class.isAssignableFrom(type)) {
          target = TaskListenerInvocation.class.getDeclaredField("taskListenerInstance");
          scope = TaskListenerInvocation.class.getDeclaredField("delegateTask");
        } else {
          return new Field[0];
        }
        target.setAccessible(true);
        scope.setAccessible(true);
        return new Field[] {target, scope};
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static Object target(DelegateInvocation invocation) throws IllegalAccessException {
    Field[] fields = fields(invocation);
    return fields.length == 0 ? null : fields[0].get(invocation);
  }

  private static VariableScope scope(DelegateInvocation invocation) {
    try {
      return (VariableScope) fields(invocation)[1].get(invocation);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(DelegateInvocation invocation, Object target) {
    VariableScope scope = scope(invocation);
    String processKey;
    String element;
    String event;
    if (scope instanceof DelegateTask task) {
      processKey = ((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task).getExecution().getProcessDefinition().getKey();
      element = task.getTaskDefinitionKey();
      event = task.getEventName();
    } else {
      DelegateExecution execution = (DelegateExecution) scope;
      processKey = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution).getProcessDefinition().getKey();
      element = execution.getCurrentActivityId();
      event = execution.getEventName();
    }
    String type = target.getClass().getSimpleName();
    int proxy = type.indexOf("$$");
    return processKey + "/" + element + "/" + event + "/" + (proxy < 0 ? type : type.substring(0, proxy));
  }

  private static Map<String, TypedValue> typed(org.camunda.bpm.engine.variable.VariableMap variables) {
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      typed.put(name, variables.getValueTyped(name));
    }
    return typed;
  }

  private static Map<String, String> fingerprints(Map<String, TypedValue> values) {
    Map<String, String> prints = new HashMap<>();
    values.forEach((name, value) -> prints.put(name, fingerprint(value)));
    return prints;
  }

  private static String fingerprint(TypedValue value) {
    Object raw = value == null ? null : value.getValue();
    return (value == null || value.getType() == null ? "?" : value.getType().getName()) + "|"
        + (raw == null ? "null" : raw.getClass().getName() + ":" + raw);
  }

  private static Map<String, Object> taskFields(DelegateTask task) {
    Map<String, Object> fields = new HashMap<>();
    if (task != null) {
      fields.put("name", task.getName());
      fields.put("description", task.getDescription());
      fields.put("dueDate", task.getDueDate());
      fields.put("followUpDate", task.getFollowUpDate());
      fields.put("priority", task.getPriority());
      fields.put("assignee", task.getAssignee());
    }
    return fields;
  }

  static Set<String> keys() {
    return RECORDED.keySet();
  }

  private FloorReplay() {}
}
