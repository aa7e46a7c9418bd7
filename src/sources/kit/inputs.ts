import type { NodeType } from '../../model/ids.js';

/**
 * A vendor's mutation inputs as data, beside the TypeScript types its requests.ts reads:
 * the schema builds the GraphQL input types from these (src/schema/types/mutations/
 * vendor-inputs.ts), so a vendor's words stay in its folder. `InputFields<T>` ties the
 * data to the type: every field of T is described, as the kind of value T gives it,
 * required exactly where T requires it.
 */

type Described = { description: string };

/** Required in GraphQL exactly when the TypeScript field is. */
type Requiredness<T, K extends keyof T> = object extends Pick<T, K> ? { required?: false } : { required: true };

/** The GraphQL scalar for a TypeScript value. */
type ScalarOf<V> = [V] extends [string] ? 'String' | 'ID' : [V] extends [number] ? 'Int' : [V] extends [boolean] ? 'Boolean' : never;

/**
 * An `ID` field's values are global ids; with `node`, the schema checks they name
 * objects of that type on the target source and hands the vendor their native ids.
 */
type ScalarField<V> = { type: ScalarOf<V>; node?: NodeType };

type FieldOf<V> = V extends readonly (infer E)[]
  ? (E extends object ? { type: InputShape<E> } : ScalarField<E>) & { list: true }
  : V extends object
    ? { type: InputShape<V> }
    : ScalarField<V> & { defaultValue?: V };

export type InputFields<T> = { [K in keyof T]-?: FieldOf<NonNullable<T[K]>> & Requiredness<T, K> & Described };

/** A GraphQL input object type: its name, what it is, and its fields. */
export interface InputShape<T> {
  name: string;
  description: string;
  fields: InputFields<T>;
}

/** Any field, as the schema reads it. */
export interface AnyInputField {
  type: 'String' | 'ID' | 'Int' | 'Boolean' | AnyInputShape;
  description: string;
  required?: boolean;
  list?: boolean;
  node?: NodeType;
  defaultValue?: string | number | boolean;
}

export interface AnyInputShape {
  name: string;
  description: string;
  fields: Readonly<Record<string, AnyInputField>>;
}

/** What a kind adds to the mutations' inputs; `src/sources/kinds.ts` lists them by kind. */
export interface VendorInputs {
  /** createCluster's block for the kind: CreateClusterInput's field named after the kind, described as `field`. */
  createCluster?: { field: string; shape: AnyInputShape };
  /** The fields of ScaleClusterInput the kind reads. */
  scaleCluster?: Readonly<Record<string, AnyInputField>>;
}
