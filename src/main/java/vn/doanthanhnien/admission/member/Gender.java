package vn.doanthanhnien.admission.member;

public enum Gender {
  MALE,
  FEMALE
}
