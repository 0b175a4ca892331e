package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_NOTICES;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_NOTICE_DUE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_NOTICE_SENT_FOR;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_REASONS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.PLANNED_PUBLICATION_DATE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;

/**
 * After a delay notice went to the Panel and the Secretary of State (WT 2023 ch.4 para 41): records
 * which planned publication date they now know of, so a later date triggers a new notice and an
 * unchanged one does not, and keeps the notices in {@code delayNotices}.
 */
@Component("delayNoticeSent")
class DelayNoticeSentListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    Object planned = instance.getVariable(PLANNED_PUBLICATION_DATE);
    List<Map<String, Object>> notices = new ArrayList<>(CaseData.list(instance.getVariable(DELAY_NOTICES)));
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("sentAt", ClockUtil.getCurrentTime().toInstant().toString());
    notice.put("plannedPublicationDate", planned == null ? null : PublicationTimetable.londonDate(planned).toString());
    notice.put("reasons", instance.getVariable(DELAY_REASONS));
    notice.put("step", execution.getCurrentActivityId());
    notices.add(notice);
    instance.setVariable(DELAY_NOTICES, CaseData.json(notices));
    instance.setVariable(DELAY_NOTICE_SENT_FOR, planned);
    instance.setVariable(DELAY_NOTICE_DUE, false);
  }
}
