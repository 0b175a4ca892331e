package uk.cspr.workflow.correspondence;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Generated documents that are not letters of a case (e.g. the yearly report, issue 19.4), made
 * the letters' way: a Thymeleaf template of {@code templates/documents/} (text escaped, overridable
 * like the letters) rendered to an A4 PDF by {@link LetterPdfRenderer}.
 */
@Component
public class PdfDocuments {

  private final CorrespondenceTemplates templates;
  private final LetterPdfRenderer renderer;

  PdfDocuments(CorrespondenceTemplates templates, LetterPdfRenderer renderer) {
    this.templates = templates;
    this.renderer = renderer;
  }

  /** The PDF of document template {@code id} filled with {@code model}. */
  public byte[] pdf(String id, Map<String, Object> model) {
    return renderer.pdf(templates.document(id, model));
  }
}
