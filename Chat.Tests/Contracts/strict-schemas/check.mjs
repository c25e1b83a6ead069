// Compiles each event schema with the Ajv class of the JSON Schema draft it declares, in strict mode and knowing
// only the formats that draft's specification defines, then validates sample payloads against it.
// Input: a JSON file [{ name, schema: "<schema text>", samples: [payload, ...] }]; output: [{ name, errors: [...] }].
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Draft-07's formats as ajv-formats implements them; 2019-09 added duration and uuid.
const draft07Formats = ["date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference",
  "uri-template", "json-pointer", "relative-json-pointer", "regex"];
const drafts = {
  "http://json-schema.org/draft-07/schema#": { Validator: Ajv, formats: draft07Formats },
  "https://json-schema.org/draft/2019-09/schema": { Validator: Ajv2019, formats: [...draft07Formats, "duration", "uuid"] },
  "https://json-schema.org/draft/2020-12/schema": { Validator: Ajv2020, formats: [...draft07Formats, "duration", "uuid"] },
};

function check({ name, schema, samples }) {
  const parsed = JSON.parse(schema);
  const draft = drafts[parsed.$schema];
  if (!draft) {
    return { name, errors: [`no strict validator for $schema ${JSON.stringify(parsed.$schema)}`] };
  }

  // Every strict-mode rule is an error (an unknown keyword or format, a keyword without its type, an undeclared
  // required property); union types such as ["string", "null"] are plain JSON Schema and stay allowed.
  const ajv = new draft.Validator({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv, draft.formats);
  let validate;
  try {
    validate = ajv.compile(parsed);
  } catch (error) {
    return { name, errors: [error.message] };
  }

  const errors = samples.flatMap((sample, index) => validate(sample)
    ? []
    : validate.errors.map(error => `sample ${index}: ${error.instancePath || "/"} ${error.message}`));
  return { name, errors };
}

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(cases.map(check)));
