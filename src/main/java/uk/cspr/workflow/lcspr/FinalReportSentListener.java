package uk.cspr.workflow.lcspr;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the report (or the improvements) was queued for the Panel, DfE and Ofsted: the date the
 * publication step checks the 7 working days against (WT 2023 ch.4 para 40).
 */
@Component("finalReportSent")
class FinalReportSentListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(LcsprProcess.Vars.FINAL_REPORT_SENT_AT, ClockUtil.getCurrentTime());
  }
}
