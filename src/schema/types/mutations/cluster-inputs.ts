import { builder } from '../../builder.js';
import type { AnyInputField } from '../../../sources/kit/inputs.js';
import { INPUTS } from '../../../sources/kinds.js';
import { LabelInput } from '../common.js';
import { vendorInputFields, vendorInputType } from './vendor-inputs.js';

/** Each kind's additions, in the order kinds.ts lists them. */
const VENDOR_INPUTS = Object.entries(INPUTS);

/**
 * Every kind's fields of ScaleClusterInput, by name. Two kinds naming one field would
 * give it two meanings, so that stops the schema from being built.
 */
export const SCALE_FIELDS: Readonly<Record<string, AnyInputField>> = Object.fromEntries(
  VENDOR_INPUTS.flatMap(([kind, inputs]) =>
    Object.entries(inputs.scaleCluster ?? {}).map(([name, field]) => {
      const other = VENDOR_INPUTS.find(([k, i]) => k !== kind && i.scaleCluster?.[name]);
      if (other) throw new Error(`ScaleClusterInput.${name} is declared by both ${kind} and ${other[0]}`);
      return [name, field];
    }),
  ),
);

export const CreateClusterInput = builder.inputType('CreateClusterInput', {
  description: 'A cluster to create: common fields, and the block for the source’s kind (the others are ignored)',
  fields: (t) => ({
    sourceId: t.string({ required: true, description: 'The source to create it on, by its config id' }),
    name: t.string({ required: true, description: 'The cluster’s name' }),
    version: t.string({ description: 'Software version to install; absent: the vendor’s default' }),
    region: t.string({ description: 'Region, where the vendor has regions' }),
    zone: t.string({ description: 'Availability zone, where the vendor has zones' }),
    labels: t.field({ type: [LabelInput], description: 'Labels or tags to give it, where the vendor has them' }),
    ...Object.fromEntries(
      VENDOR_INPUTS.flatMap(([kind, { createCluster }]) =>
        createCluster ? [[kind, t.field({ type: vendorInputType(createCluster.shape), description: createCluster.field })]] : [],
      ),
    ),
  }),
});

export const ScaleClusterInput = builder.inputType('ScaleClusterInput', {
  description: 'What to change in a cluster’s size; give at least one field',
  fields: (t) => vendorInputFields(t, SCALE_FIELDS),
});

export const TakeOverClusterInput = builder.inputType('TakeOverClusterInput', {
  description: 'An existing TiDB cluster for TiEM to manage, and how to reach the host that controls it',
  fields: (t) => ({
    sourceId: t.string({ required: true, description: 'The TiEM source, by its config id' }),
    name: t.string({ required: true, description: 'The cluster’s name, as TiUP knows it' }),
    dbPassword: t.string({ required: true, description: 'Password of the database’s root user' }),
    controlHostIp: t.string({ required: true, description: 'The host TiUP runs on' }),
    controlHostPort: t.int({ defaultValue: 22, description: 'Its SSH port' }),
    controlHostUser: t.string({ required: true, description: 'The SSH user' }),
    controlHostPassword: t.string({ required: true, description: 'The SSH password; sent to the vendor only' }),
    tiupPath: t.string({ defaultValue: '.tiup/', description: 'Where TiUP lives on that host, relative to the user’s home' }),
  }),
});
