package vn.doanthanhnien.admission.probation;

public enum ProbationStatus {
  IN_PROBATION,
  RECOGNISED,
  NOT_RECOGNISED
}
