/**
 * GitHub's OpenAPI description (from `@octokit/openapi`) as a validator of the server's answers.
 *
 * The description is OpenAPI 3.0: `nullable: true` is not JSON Schema, so it is translated
 * (`type: [T, 'null']`, or `anyOf` with `{type: 'null'}` where the schema has no `type`) before
 * Ajv sees it. Path templates are without the `/api/v3` prefix, as the server's route table.
 */

import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

export const DESCRIPTIONS = ['api.github.com.json', 'ghes-3.17.json'] as const;

export type DescriptionName = (typeof DESCRIPTIONS)[number];

type JsonObject = Record<string, unknown>;

interface Operation {
  responses: Record<string, JsonObject>;
}

const SCHEMA_ID = 'openapi';

const KNOWN_FORMATS = new Set([
  'date-time',
  'date',
  'uri',
  'email',
  'uuid',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
]);

export class OpenApiDescription {
  private readonly ajv: Ajv;

  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(
    readonly name: DescriptionName,
    private readonly document: JsonObject,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });

    addFormats(this.ajv);

    for (const format of collectFormats(document)) {
      if (!KNOWN_FORMATS.has(format)) {
        this.ajv.addFormat(format, true);
      }
    }

    this.ajv.addSchema(document, SCHEMA_ID);
  }

  static load(name: DescriptionName): OpenApiDescription {
    const path = require.resolve(`@octokit/openapi/generated/${name}`);

    const document = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

    translateNullable(document.components);

    translateNullable(document.paths);

    return new OpenApiDescription(name, document);
  }

  operation(template: string, method: string): Operation | undefined {
    const paths = this.document.paths as Record<string, Record<string, Operation>>;

    return paths[template]?.[method.toLowerCase()];
  }

  /** The statuses the operation documents (`200`, `304`, `404`, …). */
  documentedStatuses(template: string, method: string): string[] {
    return Object.keys(this.operation(template, method)?.responses ?? {});
  }

  /**
   * The validator of a response body, or null when the description gives that response no JSON
   * body (a 304, say). Throws when the operation or the status is not in the description.
   */
  bodyValidator(template: string, method: string, status: number): ValidateFunction | null {
    const operation = this.operation(template, method);

    if (!operation) {
      throw new Error(`${this.name} has no operation ${method} ${template}`);
    }

    let response = operation.responses[String(status)];

    if (!response) {
      throw new Error(`${this.name} documents no ${status} for ${method} ${template}`);
    }

    const responsePointer = response.$ref
      ? String(response.$ref).slice(1)
      : `/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}`;

    response = this.resolve(responsePointer);

    const content = response.content as Record<string, unknown> | undefined;

    if (!content?.['application/json']) {
      return null;
    }

    const pointer = `${responsePointer}/content/${escape('application/json')}/schema`;

    return this.validatorAt(pointer);
  }

  private validatorAt(pointer: string): ValidateFunction {
    const cached = this.validators.get(pointer);

    if (cached) {
      return cached;
    }

    const validator = this.ajv.compile({ $ref: `${SCHEMA_ID}#${encodeURI(pointer)}` });

    this.validators.set(pointer, validator);

    return validator;
  }

  private resolve(pointer: string): JsonObject {
    return pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<JsonObject>((node, segment) => node[segment] as JsonObject, this.document);
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Rewrites OpenAPI 3.0 `nullable` into JSON Schema, in place, skipping examples. */
export function translateNullable(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(translateNullable);

    return;
  }

  if (typeof node !== 'object' || node === null) {
    return;
  }

  const schema = node as JsonObject;

  for (const [key, value] of Object.entries(schema)) {
    if (key !== 'example' && key !== 'examples') {
      translateNullable(value);
    }
  }

  if (schema.nullable !== true) {
    return;
  }

  delete schema.nullable;

  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];

    if (Array.isArray(schema.enum)) {
      schema.enum = [...(schema.enum as unknown[]), null];
    }

    return;
  }

  const rest = { ...schema };

  for (const key of Object.keys(schema)) {
    delete schema[key];
  }

  schema.anyOf = [{ type: 'null' }, rest];
}

function collectFormats(node: unknown, formats = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    node.forEach((item) => collectFormats(item, formats));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') {
        formats.add(value);
      } else {
        collectFormats(value, formats);
      }
    }
  }

  return formats;
}
