package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * The criminal-proceedings contract with parallelReviewInterface (CPS protocol; Cambs "The interface
 * with other statutory processes"): {@code cspr.criminalProceedingsPaused} with {@code pauseReason}
 * and {@code pausedAreas} (FAMILY_ENGAGEMENT, PUBLICATION) sets {@code familyEngagementPaused} /
 * {@code publicationPaused}, which the review's wait states before family engagement and publication
 * read; {@code cspr.criminalProceedingsConcluded} clears both. A paused publication gives the delay
 * notice its reasons (WT para 41). Every pause and conclusion is kept in {@code criminalProceedingsLog}.
 */
@Component("criminalProceedings")
class CriminalProceedingsListener implements ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", ClockUtil.getCurrentTime().toInstant().toString());
    if (LcsprProcess.Elements.CRIMINAL_PROCEEDINGS_PAUSED.equals(execution.getCurrentActivityId())) {
      String reason = new FormValues(execution.getVariables()).text(PAUSE_REASON, 2000, true);
      Set<PausedArea> areas = areas(execution.getVariable(PAUSED_AREAS));
      instance.setVariable(PAUSE_REASON, reason);
      instance.setVariable(PAUSED_AREAS, CaseData.json(areas.stream().map(Enum::name).toList()));
      if (areas.contains(PausedArea.FAMILY_ENGAGEMENT)) {
        instance.setVariable(FAMILY_ENGAGEMENT_PAUSED, true);
      }
      if (areas.contains(PausedArea.PUBLICATION)) {
        instance.setVariable(PUBLICATION_PAUSED, true);
        instance.setVariable(DELAY_REASONS, "Criminal proceedings: " + reason);
      }
      entry.put("event", "PAUSED");
      entry.put(PAUSE_REASON, reason);
      entry.put(PAUSED_AREAS, areas.stream().map(Enum::name).toList());
    } else {
      instance.setVariable(PUBLICATION_WAS_PAUSED, Boolean.TRUE.equals(instance.getVariable(PUBLICATION_PAUSED)));
      instance.setVariable(FAMILY_ENGAGEMENT_PAUSED, false);
      instance.setVariable(PUBLICATION_PAUSED, false);
      entry.put("event", "CONCLUDED");
    }
    List<Map<String, Object>> log = new ArrayList<>(CaseData.list(instance.getVariable(CRIMINAL_PROCEEDINGS_LOG)));
    log.add(entry);
    instance.setVariable(CRIMINAL_PROCEEDINGS_LOG, CaseData.json(log));
  }

  /** The paused areas as a list, a JSON array or comma-separated text; at least one, all known. */
  static Set<PausedArea> areas(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      items.forEach(item -> names.add(String.valueOf(item)));
    } else if (value != null && value.toString().strip().startsWith("[")) {
      try {
        names.addAll(JSON.readValue(value.toString(), new TypeReference<List<String>>() {}));
      } catch (JsonProcessingException e) {
        throw new InvalidCaseDataException(PAUSED_AREAS, "must be a list of " + List.of(PausedArea.values()));
      }
    } else if (value != null) {
      names.addAll(List.of(value.toString().split(",")));
    }
    Set<PausedArea> areas = EnumSet.noneOf(PausedArea.class);
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      try {
        areas.add(PausedArea.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidCaseDataException(PAUSED_AREAS, "'" + name.strip() + "' is not one of " + List.of(PausedArea.values()));
      }
    }
    if (areas.isEmpty()) {
      throw new InvalidCaseDataException(PAUSED_AREAS, "must name at least one of " + List.of(PausedArea.values()));
    }
    return areas;
  }
}
