/**
 * The whole check of an authored bank (content/ or a test fixture laid out the same way): YAML syntax, the
 * competence schema, the content rules shared with imports, the file name of each competence, the files
 * that challenges point to, and the exposure table (exposure.json). Every problem comes back as
 * `file:line: message`.
 */
import { join, relative, sep } from 'node:path';
import type { AuthoredCompetence, AuthoredSource } from '../../src/core/content/authored-types.ts';
import type { CompiledBank } from '../../src/core/content/compile.ts';
import type { DocPath } from '../../src/core/content/pack-origins.ts';
import { checkAuthoredRules, checkCompetenceFileName } from '../../src/core/content/rules.ts';
import { compareContentErrors } from './content-error.ts';
import type { ContentError } from './content-error.ts';
import { checkExposureFile, EXPOSURE_FILE_NAME } from './exposure-file.ts';
import { listFiles } from './list-files.ts';
import { loadCompetenceFiles } from './load-competence-files.ts';
import type { LoadedFile } from './load-competence-files.ts';
import { openParsedYamlCache } from './parsed-yaml-cache.ts';
import { validateCompetenceDocument } from '../../sync-server/content/schema-validators.ts';

export interface BankCheck {
  errors: ContentError[];
  /**
   * The files that passed the schema, compiled (also when other problems remain, for statistics), with the
   * exposure table of exposure.json as `pack.exposure` when there is a valid one: the pack content:build ships.
   */
  compiled: CompiledBank;
  /** How many competence files were read. */
  fileCount: number;
  /** Every file under <contentDir>/attachments/, relative to it. */
  attachmentFiles: string[];
  /** Problems that do not stop a build: an exposure table calibrated on an older bank. */
  warnings: ContentError[];
}

export interface CheckBankOptions {
  /** A directory laid out like content/: competences/*.yaml and attachments/. */
  contentDir: string;
  /** Paths in messages are relative to this directory (the repository root). */
  root: string;
  /** Where parsed files are cached between runs (see parsed-yaml-cache.ts); none when absent. */
  cacheDir?: string;
}

export function checkBank(options: CheckBankOptions): BankCheck {
  const competencesDir = join(options.contentDir, 'competences');
  const attachmentsDir = join(options.contentDir, 'attachments');
  const display = (path: string): string => relative(options.root, path).split(sep).join('/');
  const cache = options.cacheDir === undefined ? undefined : openParsedYamlCache(options.cacheDir);
  const { files, errors } = loadCompetenceFiles(competencesDir, display(competencesDir), cache);
  cache?.save();
  if (files.length === 0 && errors.length === 0) {
    errors.push({ file: display(competencesDir), line: null, message: 'aucun fichier de compétence (*.yaml)' });
  }

  const valid: { file: LoadedFile; competence: AuthoredCompetence }[] = [];
  for (const file of files) {
    if (file.data === undefined) continue;
    const result = validateCompetenceDocument(file.data);
    if (result.ok) valid.push({ file, competence: result.value });
    else for (const issue of result.issues) errors.push(located(file, issue.path, issue.message));
  }

  for (const { file, competence } of valid) {
    const source: AuthoredSource = { source: file.file, competence };
    for (const issue of checkCompetenceFileName(source)) errors.push(located(file, issue.path, issue.message));
  }
  const { compiled, issues } = checkAuthoredRules(valid.map((v) => v.competence));
  for (const issue of issues) {
    const origin = valid[issue.source];
    if (origin) errors.push(located(origin.file, issue.path, issue.message));
  }

  const attachmentFiles = listFiles(attachmentsDir);
  const present = new Set(attachmentFiles);
  const attachmentsShown = display(attachmentsDir);
  for (const { file, competence } of valid) {
    forEachReferencedFile(competence, (path, at) => {
      if (!present.has(path)) errors.push(located(file, at, `fichier introuvable : ${attachmentsShown}/${path}`));
    });
  }

  // The exposure table is held to the bank only once the bank itself is sound (its ids and structure).
  const exposure = checkExposureFile(options.contentDir, display(join(options.contentDir, EXPOSURE_FILE_NAME)), compiled.pack, errors.length === 0);
  errors.push(...exposure.errors);

  errors.sort(compareContentErrors);
  const pack = exposure.exposure ? { ...compiled.pack, exposure: exposure.exposure } : compiled.pack;
  return { errors, compiled: { ...compiled, pack }, fileCount: files.length, attachmentFiles, warnings: exposure.warnings };
}

/** Calls `visit` with every attachment and illustration path of a competence and where it is written. */
export function forEachReferencedFile(competence: AuthoredCompetence, visit: (path: string, at: DocPath) => void): void {
  competence.tubes.forEach((tube, t) => {
    tube.skills.forEach((skill, s) => {
      skill.challenges.forEach((challenge, c) => {
        const at: DocPath = ['tubes', t, 'skills', s, 'challenges', c];
        (challenge.attachments ?? []).forEach((path, k) => visit(path, [...at, 'attachments', k]));
        if (challenge.illustration) visit(challenge.illustration.file, [...at, 'illustration', 'file']);
      });
    });
  });
}

function located(file: LoadedFile, path: DocPath, message: string): ContentError {
  return { file: file.file, line: file.lineOf(path), message };
}
