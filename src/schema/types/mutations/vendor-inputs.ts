import type { InputFieldRef, InputObjectRef, SchemaTypes } from '@pothos/core';
import type { AnyInputField, AnyInputShape } from '../../../sources/kit/inputs.js';
import { builder } from '../../builder.js';

/**
 * GraphQL input types built from the shapes the vendor folders describe as data
 * (src/sources/kit/inputs.ts), so no vendor's parameters are written out here.
 */

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : SchemaTypes;
type FieldBuilder = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type VendorRef = InputObjectRef<Types, object>;

/** Each shape's type, made once however many inputs use it (HostSpecInput serves createCluster and scaleCluster). */
const built = new Map<string, { shape: AnyInputShape; ref: VendorRef }>();

export function vendorInputType(shape: AnyInputShape): VendorRef {
  const known = built.get(shape.name);
  if (known) {
    if (known.shape !== shape) throw new Error(`two vendor input shapes are named ${shape.name}`);
    return known.ref;
  }
  const ref = builder.inputRef<object>(shape.name);
  built.set(shape.name, { shape, ref });
  ref.implement({ description: shape.description, fields: (t) => vendorInputFields(t, shape.fields) });
  return ref;
}

export function vendorInputFields(t: FieldBuilder, fields: Readonly<Record<string, AnyInputField>>): Record<string, InputFieldRef<Types, unknown>> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => {
      const type = typeof field.type === 'string' ? field.type : vendorInputType(field.type);
      // Pothos types a field's options by a type known at compile time; this one is known
      // at run time only, and kit/inputs.ts's InputFields has checked it against the vendor's type.
      return [
        name,
        t.field({
          type: field.list ? [type] : type,
          required: field.required ?? false,
          description: field.description,
          ...(field.defaultValue !== undefined ? { defaultValue: field.defaultValue } : {}),
        } as never),
      ];
    }),
  );
}
