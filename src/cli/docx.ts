/**
 * The narrative as a Word document (the report is handed in as a document): the title, each section as
 * a level-1 heading, sub-headings （一）… as level-2 headings, paragraphs as body text. Node only, so it
 * lives in the CLI, not in the core.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { isSubheading, type NarrativeDoc } from "../core/narrative/generate";

/**
 * Build the .docx bytes of a narrative.
 * @param doc - from generateNarrative
 * @returns the document as a Buffer
 */
export async function narrativeDocx(doc: NarrativeDoc): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER })];
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of section.paragraphs) {
      if (isSubheading(p)) children.push(new Paragraph({ text: p, heading: HeadingLevel.HEADING_2 }));
      else children.push(new Paragraph({ children: [new TextRun(p)], indent: { firstLine: 480 } }));
    }
  }
  const document = new Document({
    creator: "jixiao",
    title: doc.title,
    styles: { default: { document: { run: { font: "SimSun", size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
