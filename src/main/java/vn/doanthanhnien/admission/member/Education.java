package vn.doanthanhnien.admission.member;

/** Highest completed level of general or higher education, in ascending order. */
public enum Education {
  PRIMARY,
  LOWER_SECONDARY,
  UPPER_SECONDARY,
  COLLEGE,
  UNIVERSITY,
  POSTGRADUATE
}
