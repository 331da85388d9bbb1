package vn.doanthanhnien.admission.member;

/**
 * Body of {@code POST /api/members}. Values stay untyped here so that every bad value is reported by name in
 * Vietnamese instead of failing the whole JSON parse.
 */
public record MemberRequest(
    String code,
    String fullName,
    String birthDate,
    String gender,
    String branchCode,
    String youthUnionJoinDate,
    Boolean youthUnionActive,
    String education,
    String lastRating,
    Object lastRatingYear,
    String awarenessCertificateDate) {
}
