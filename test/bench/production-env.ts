// Imported first by the benchmarks: both servers run in production mode, as deployed.
// graphql-js reads NODE_ENV once, when it is first loaded (outside production its type
// checks take a slow path), so this must run before anything imports graphql.
process.env.NODE_ENV = 'production';
