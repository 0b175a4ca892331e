package uk.cspr.workflow.correspondence;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.support.SpecMailboxes;

/** Deploys and starts the test-only models of src/test/resources/correspondence (public: the demo mail sink's test sends with them too). */
public final class CorrespondenceTestProcess {

  public static final String KEY = "correspondenceTest";
  public static final String ROLLBACK_KEY = "correspondenceRollbackTest";
  public static final String NORTH_LINCS = "north-lincolnshire";
  public static final String DSP = "dsp@nl-partnership.example";
  public static final String SSL = "ssl@nl-partnership.example";
  public static final String BUSINESS_UNIT = "mars@northlincs.gov.uk";
  public static final String PANEL = SpecMailboxes.PANEL;

  private static final AtomicInteger CASES = new AtomicInteger(100 + (int) (System.nanoTime() % 800));

  private CorrespondenceTestProcess() {}

  public static synchronized void deploy(RepositoryService repositoryService) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repositoryService.createDeployment()
          .name("correspondence-test")
          .addClasspathResource("correspondence/correspondenceTest.bpmn")
          .deploy();
    }
  }

  public static String newCaseReference() {
    return "NL-2027-" + String.format("%04d", CASES.incrementAndGet());
  }

  static Map<String, Object> caseVariables(String caseReference) {
    Map<String, Object> variables = new HashMap<>(CorrespondenceTemplatesTest.fullCase());
    variables.put(CaseVariables.PARTNERSHIP, NORTH_LINCS);
    variables.put(CaseVariables.CASE_REFERENCE, caseReference);
    return variables;
  }

  public static ProcessInstance start(RuntimeService runtimeService, String key, String caseReference) {
    return runtimeService.startProcessInstanceByKey(key, caseReference, caseVariables(caseReference));
  }
}
