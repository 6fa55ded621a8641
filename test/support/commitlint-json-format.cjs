// A commitlint formatter (--format) that prints the report as JSON, so a test reads every message's problems.
module.exports = (report) =>
  JSON.stringify(
    report.results.map((result) => ({
      input: result.input,
      errors: result.errors.map((error) => ({ name: error.name, message: error.message })),
    })),
  );
