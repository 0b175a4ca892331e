package uk.cspr.workflow.notification;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/referrals}: the REST equivalent of the referral start form. The body holds the
 * form's fields; validation, the case reference and the deadlines come from the process start
 * (one place for both), so a bad referral answers 400 and creates nothing.
 */
@RestController
class ReferralController {

  private final RuntimeService runtimeService;

  ReferralController(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  record Registered(String caseReference, String processInstanceId) {}

  @PostMapping("/api/referrals")
  @ResponseStatus(HttpStatus.CREATED)
  Registered refer(@RequestBody Map<String, Object> referral) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, referral);
    return new Registered(instance.getBusinessKey(), instance.getId());
  }
}
