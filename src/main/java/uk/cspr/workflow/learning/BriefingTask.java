package uk.cspr.workflow.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.tasks.TaskFormCheck;

/**
 * The step "Share the learning: 7-minute briefing" (issue 19.3): its form opens with the briefing
 * generated from the case (one variable per section while the step is open, so Tasklist's form
 * submission and the engine's task completion both replace them); on completion the edited briefing and each sharing — with whom, how, when, recorded by whom —
 * are kept as the LCSPR's variables {@value BriefingContent#BRIEFING} and {@value #SHARINGS}.
 */
@Component("lcsprBriefing")
class BriefingTask implements TaskListener {

  static final String SHARINGS = BriefingContent.SHARINGS;
  static final String AUDIENCE = BriefingContent.AUDIENCE;
  static final String METHOD = BriefingContent.METHOD;
  static final String SHARED_ON = BriefingContent.SHARED_ON;
  static final String RECORDED_BY = BriefingContent.RECORDED_BY;
  static final String RECORDED_AT = "recordedAt";
  static final int MAX_SHARINGS = 100;

  private final Partnerships partnerships;
  private final TaskFormCheck forms;
  private final ThemeTypology typology;

  BriefingTask(Partnerships partnerships, TaskFormCheck forms, ThemeTypology typology) {
    this.partnerships = partnerships;
    this.forms = forms;
    this.typology = typology;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      String partnership = (String) instance.getVariable(CaseVariables.PARTNERSHIP);
      String name = partnerships.find(partnership).map(Partnerships.Partnership::name).orElse(partnership);
      BriefingContent.current(instance.getVariables(), name, forms.optionLabels(task.getProcessDefinitionId()), typology)
          .forEach(instance::setVariable);
      return;
    }
    FormValues form = new FormValues(task.getVariables());
    Map<String, Object> briefing = new LinkedHashMap<>();
    for (String section : BriefingContent.SECTIONS) {
      String text = form.text(section, BriefingContent.MAX_SECTION, section.equals(BriefingContent.BACKGROUND));
      briefing.put(section, text == null ? "" : text);
      instance.removeVariable(section);
    }
    String user = user(task);
    briefing.put(RECORDED_BY, user);
    instance.setVariable(BriefingContent.BRIEFING, CaseData.json(briefing));
    LocalDate published = new FormValues(Map.of(LcsprProcess.Vars.PUBLISHED_AT, instance.getVariable(LcsprProcess.Vars.PUBLISHED_AT)))
        .date(LcsprProcess.Vars.PUBLISHED_AT);
    instance.setVariable(SHARINGS, CaseData.json(sharings(form, published, today(), user)));
  }

  /** Each sharing, checked: with whom, how, and a day from publication to today. */
  static List<Map<String, Object>> sharings(FormValues form, LocalDate published, LocalDate today, String user) {
    List<Map<String, Object>> submitted = form.objects(SHARINGS, 1, MAX_SHARINGS);
    List<Map<String, Object>> sharings = new ArrayList<>();
    String now = Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString();
    for (int i = 0; i < submitted.size(); i++) {
      FormValues entry = new FormValues(submitted.get(i));
      int index = i;
      Map<String, Object> sharing = new LinkedHashMap<>();
      sharing.put(AUDIENCE, field(index, AUDIENCE, () -> entry.text(AUDIENCE, 200, true, false)));
      sharing.put(METHOD, field(index, METHOD, () -> entry.code(METHOD, BriefingMethod.class)).name());
      LocalDate on = field(index, SHARED_ON, () -> entry.date(SHARED_ON));
      if (on.isAfter(today)) {
        throw new InvalidCaseDataException(entry(index, SHARED_ON), "cannot be in the future");
      }
      if (on.isBefore(published)) {
        throw new InvalidCaseDataException(entry(index, SHARED_ON), "cannot be before the report was published");
      }
      sharing.put(SHARED_ON, on.toString());
      sharing.put(RECORDED_BY, user);
      sharing.put(RECORDED_AT, now);
      sharings.add(sharing);
    }
    return sharings;
  }

  /** Who completes the step (assignee, else the authenticated user). */
  private static String user(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
  }

  private static String entry(int index, String field) {
    return SHARINGS + "[" + (index + 1) + "]." + field;
  }

  private static <T> T field(int index, String field, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidCaseDataException e) {
      throw new InvalidCaseDataException(entry(index, field), e.problem());
    }
  }
}
