package vn.doanthanhnien.admission.member;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Body of {@code POST /api/members}, and one row of an imported file (its columns are these fields). Values stay
 * untyped here so that every bad value is reported by name in Vietnamese instead of failing the whole JSON parse.
 */
public record MemberRequest(
    String code,
    String fullName,
    String birthDate,
    String gender,
    String branchCode,
    String youthUnionJoinDate,
    Object youthUnionActive,
    String education,
    String lastRating,
    Object lastRatingYear,
    String awarenessCertificateDate) {

  /** The field names, in the order above. */
  public static final List<String> FIELDS = Arrays.stream(MemberRequest.class.getRecordComponents())
      .map(RecordComponent::getName).toList();

  /** Fields that may be left out: a member is active unless told otherwise, and many have no certificate yet. */
  public static final List<String> OPTIONAL_FIELDS = List.of("youthUnionActive", "awarenessCertificateDate");

  /** A request from text values looked up by field name; a blank value is absent. */
  static MemberRequest fromText(Function<String, String> field) {
    return new MemberRequest(field.apply("code"), field.apply("fullName"), field.apply("birthDate"),
        field.apply("gender"), field.apply("branchCode"), field.apply("youthUnionJoinDate"),
        field.apply("youthUnionActive"), field.apply("education"), field.apply("lastRating"),
        field.apply("lastRatingYear"), field.apply("awarenessCertificateDate"));
  }
}
