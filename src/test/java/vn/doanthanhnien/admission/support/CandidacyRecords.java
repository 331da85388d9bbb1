package vn.doanthanhnien.admission.support;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;

/** What a test reads of a candidacy it drove: its number, its member's name, the record of a completed stage. */
public class CandidacyRecords {

  private final CandidacyService candidacies;

  public CandidacyRecords(CandidacyService candidacies) {
    this.candidacies = candidacies;
  }

  /** The candidacy's number: its admission instance's business key. */
  public static Long id(ProcessInstance instance) {
    return Long.valueOf(instance.getBusinessKey());
  }

  public String memberName(ProcessInstance instance) {
    return TestMembers.nameOf(candidacies.get(id(instance)).getMemberCode());
  }

  /** The timeline entry of the stage's last completion. */
  public CandidacyEvent lastStageRecord(Long candidacyId, String stage) {
    return candidacies.timeline(candidacyId).stream().filter(e -> e.getAction() == TimelineAction.STAGE_COMPLETED
        && e.getStage().equals(stage)).reduce((a, b) -> b).orElseThrow();
  }
}
