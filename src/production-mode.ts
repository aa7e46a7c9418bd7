/**
 * Imported first by main.ts, before anything loads graphql: graphql-js reads NODE_ENV once,
 * at load, and outside production it checks every `instanceof` of its own types by name
 * too (to report two copies of graphql), which cost about 4% of the CPU a list query
 * spends. The server runs in production mode unless NODE_ENV says otherwise; tests, which
 * do not start through main.ts, keep graphql's development checks.
 */
process.env.NODE_ENV ??= 'production';
