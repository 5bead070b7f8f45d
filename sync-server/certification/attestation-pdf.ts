/**
 * [CERT-12] A candidate's attestation as a PDF, made on the relay with pdfkit: name, birth date, session date, score
 * /895, level per competence, and the verification code the public page answers for ([CERT-13]). The code is also
 * in the document's metadata (plain text), so it can be found in the file without rendering it.
 */
import PDFDocument from 'pdfkit';
import type { CandidateOutcome } from '../../src/core/certification/candidate-result.ts';
import { MAX_CERTIFICATION_SCORE } from '../../src/core/flash/score-scale.ts';
import { COMPETENCES } from '../../src/core/referential.ts';
import { isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';

export interface AttestationInput {
  lastName: string;
  firstName: string;
  /** yyyy-mm-dd. */
  birthDate: string;
  sessionDate: string;
  centre: string;
  outcome: Extract<CandidateOutcome, { status: 'scored' }>;
  verificationCode: string;
}

export function attestationPdf(input: AttestationInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    // Uncompressed: an attestation is a few kilobytes either way, and its text stays searchable in the file.
    compress: false,
    info: { Title: `Attestation de certification ${input.verificationCode}`, Subject: `Code de vérification ${input.verificationCode}`, Author: 'Pix Lab' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const levels = new Map(input.outcome.competences.map((c) => [c.competenceId, c.level]));
  doc.font('Helvetica-Bold').fontSize(20).text('Attestation de certification des compétences numériques');
  doc.moveDown();
  doc.font('Helvetica').fontSize(12);
  doc.text(`${input.lastName.toUpperCase()} ${input.firstName}, né(e) le ${isoToCanonicalBirthDate(input.birthDate)}`);
  doc.text(`Session du ${isoToCanonicalBirthDate(input.sessionDate)} — ${input.centre}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(16).text(`Score : ${input.outcome.score} pix / ${MAX_CERTIFICATION_SCORE}`);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const competence of COMPETENCES) {
    doc.text(`${competence.id} ${competence.name.fr} : niveau ${levels.get(competence.id) ?? 0}`);
  }
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text(`Code de vérification : ${input.verificationCode}`);
  doc.font('Helvetica').fontSize(10).text(`Vérifiez cette attestation à l'adresse /verification/${input.verificationCode} du relais de l'établissement.`);
  doc.end();
  return done;
}
