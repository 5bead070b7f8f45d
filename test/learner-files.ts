/** Student list files for relay tests: the fixtures of src/core/imports, a generated school, and the import request. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { LearnerImportFormat } from '../src/core/imports/learner-import.ts';

export function learnerFixture(name: string): Buffer {
  return readFileSync(new URL(`../src/core/imports/fixtures/${name}`, import.meta.url));
}

export function importLearnerFile(app: FastifyInstance, token: string, format: LearnerImportFormat, bytes: Uint8Array, fileName = 'eleves') {
  return app.inject({
    method: 'POST',
    url: '/api/learners/import',
    headers: { authorization: `Bearer ${token}` },
    payload: { format, fileName, content: Buffer.from(bytes).toString('base64') },
  });
}

/**
 * A SIECLE "Élèves sans adresse" export of `count` students, with every field a real export has around the ones
 * read, in ISO-8859-15 as SIECLE writes it: a large school's file for speed and memory measurements.
 */
export function generatedSiecleFile(count: number, uai: string): Buffer {
  const students: string[] = [];
  const structures: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = 100_000 + i;
    const ine = `${String(700_000_000 + i).padStart(9, '0')}AB`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    students.push(`      <ELEVE ELEVE_ID="${id}" ELENOET="${id}">
        <ID_NATIONAL>${ine}</ID_NATIONAL>
        <ELENOET>${id}</ELENOET>
        <NOM_DE_FAMILLE>ÉLÈVE${i}</NOM_DE_FAMILLE>
        <NOM_USAGE></NOM_USAGE>
        <PRENOM>Zoé</PRENOM>
        <PRENOM2>Marie</PRENOM2>
        <PRENOM3></PRENOM3>
        <DATE_NAISS>${day}/${month}/2009</DATE_NAISS>
        <DOUBLEMENT>0</DOUBLEMENT>
        <CODE_PAYS>100</CODE_PAYS>
        <CODE_DEPARTEMENT_NAISS>064</CODE_DEPARTEMENT_NAISS>
        <CODE_COMMUNE_INSEE_NAISS>64445</CODE_COMMUNE_INSEE_NAISS>
        <VILLE_NAISS>PAU</VILLE_NAISS>
        <CODE_SEXE>${(i % 2) + 1}</CODE_SEXE>
        <CODE_PROVENANCE>0640000X</CODE_PROVENANCE>
        <CODE_REGIME>2</CODE_REGIME>
        <CODE_MEF>20010019110</CODE_MEF>
        <CODE_STATUT>ST</CODE_STATUT>
        <DATE_ENTREE>01/09/2026</DATE_ENTREE>
      </ELEVE>`);
    structures.push(`      <STRUCTURES_ELEVE ELEVE_ID="${id}" ELENOET="${id}">
        <STRUCTURE>
          <CODE_STRUCTURE>2NDE ${1 + (i % 30)}</CODE_STRUCTURE>
          <TYPE_STRUCTURE>D</TYPE_STRUCTURE>
        </STRUCTURE>
        <STRUCTURE>
          <CODE_STRUCTURE>G-LV2-ESP</CODE_STRUCTURE>
          <TYPE_STRUCTURE>G</TYPE_STRUCTURE>
        </STRUCTURE>
      </STRUCTURES_ELEVE>`);
  }
  const xml = `<?xml version="1.0" encoding="ISO-8859-15"?>
<BEE_ELEVES VERSION="3.1">
  <PARAMETRES>
    <UAJ>${uai}</UAJ>
    <ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>
    <DATE_EXPORT>05/09/2026</DATE_EXPORT>
  </PARAMETRES>
  <DONNEES>
    <ELEVES>
${students.join('\n')}
    </ELEVES>
    <STRUCTURES>
${structures.join('\n')}
    </STRUCTURES>
  </DONNEES>
</BEE_ELEVES>
`;
  return Buffer.from(xml, 'latin1');
}

