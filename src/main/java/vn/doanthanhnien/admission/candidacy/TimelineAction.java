package vn.doanthanhnien.admission.candidacy;

public enum TimelineAction {
  NOMINATED,
  STAGE_COMPLETED,
  ADMITTED,
  REJECTED,
  WITHDRAWN
}
