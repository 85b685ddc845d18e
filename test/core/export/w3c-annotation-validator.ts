// Checks JSON against the W3C Web Annotation test suites (test/fixtures/web-annotation): every "must" assertion of a suite has to hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

const ROOT = fileURLToPath(new URL('../../fixtures/web-annotation/', import.meta.url));

/** The suites this project's exports must pass, by their path under the fixtures folder. */
export type SuiteName = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

interface Assertion {
  file: string;
  assertionType: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage: string;
  validate: ValidateFunction;
}

/** A failed assertion: which file, and the suite's own message for it. */
export interface AssertionFailure {
  file: string;
  message: string;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function createAjv(): Ajv {
  // The suites are draft-04 with their own keywords; ajv 8 needs the draft-04 class, formats
  // (uri, date-time, email) and the extra keywords declared so strict mode does not refuse them.
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage', 'assertionFile']);
  const definitions = join(ROOT, 'definitions');
  // Assertions refer to definitions by their ids ("annotations.json#/definitions/…").
  for (const name of readdirSync(definitions).filter((file) => file.endsWith('.json'))) ajv.addSchema(readJson(join(definitions, name)));
  return ajv;
}

const suites = new Map<SuiteName, Assertion[]>();
let sharedAjv: Ajv | undefined;

/** The assertions of a suite, compiled once. */
export function loadSuite(name: SuiteName): Assertion[] {
  const cached = suites.get(name);
  if (cached) return cached;
  sharedAjv ??= createAjv();
  const ajv = sharedAjv;
  const suite = readJson(join(ROOT, name)) as { assertions: (string | { assertionFile: string })[] };
  const assertions = suite.assertions.map((entry) => {
    const file = typeof entry === 'string' ? entry : entry.assertionFile;
    const schema = readJson(join(ROOT, file));
    // Two assertion files share one id; without ids they cannot clash in ajv's registry.
    const { id: _id, ...withoutId } = schema;
    return {
      file,
      assertionType: String(schema.assertionType ?? 'must'),
      expectedResult: (schema.expectedResult ?? 'valid') as 'valid' | 'invalid',
      errorMessage: String(schema.errorMessage ?? file),
      validate: ajv.compile(withoutId),
    };
  });
  suites.set(name, assertions);
  return assertions;
}

/** The "must" assertions of `suite` that `data` fails; empty when it conforms. */
export function mustFailures(suite: SuiteName, data: unknown): AssertionFailure[] {
  return loadSuite(suite)
    .filter((assertion) => assertion.assertionType === 'must')
    .filter((assertion) => assertion.validate(data) !== (assertion.expectedResult === 'valid'))
    .map((assertion) => ({ file: assertion.file, message: assertion.errorMessage }));
}

/** Reads a JSON file of the fixtures folder (the suite's own samples). */
export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** Names of the files in a fixtures folder. */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).sort();
}
