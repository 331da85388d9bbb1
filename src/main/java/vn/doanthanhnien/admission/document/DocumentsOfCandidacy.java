package vn.doanthanhnien.admission.document;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyDocuments;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;

/** The documents listed with a candidacy in /api: those of the stages it completed. */
@Component
class DocumentsOfCandidacy implements CandidacyDocuments {

  private final StageDocuments documents;

  DocumentsOfCandidacy(StageDocuments documents) {
    this.documents = documents;
  }

  @Override
  public List<DocumentView> of(Candidacy candidacy, List<CandidacyEvent> timeline) {
    return documents.available(candidacy, timeline).stream().map(d -> DocumentView.of(candidacy.getId(), d)).toList();
  }
}
