package vn.doanthanhnien.admission.candidacy;

import java.util.List;

/**
 * The documents a candidacy's completed stages produced, as {@code GET /api/candidacies/{id}} lists them. The document
 * feature provides them; the candidacy does not depend on how documents are made.
 */
public interface CandidacyDocuments {

  /** One entry per document, in pipeline order, as /api shows it. */
  List<?> of(Candidacy candidacy, List<CandidacyEvent> timeline);
}
