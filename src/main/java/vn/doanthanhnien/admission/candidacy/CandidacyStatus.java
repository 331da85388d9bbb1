package vn.doanthanhnien.admission.candidacy;

public enum CandidacyStatus {
  IN_PROGRESS,
  ADMITTED,
  REJECTED,
  WITHDRAWN
}
