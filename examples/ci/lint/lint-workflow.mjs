// Parses GitHub Actions workflow files with GitHub's own parser (@actions/workflow-parser, the one behind the Actions
// VS Code extension and language server) and prints every error it reports. Exit 1 when any file has an error, so a
// broken example pipeline fails ./kc test. Usage: node lint-workflow.mjs <workflow.yml>...
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";

let failed = 0;
for (const file of process.argv.slice(2)) {
  const result = parseWorkflow({ name: basename(file), content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
  const errors = [...result.context.errors.getErrors()];
  if (errors.length === 0 && result.value !== undefined) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    errors.push(...(template.errors ?? []).map((e) => ({ message: e.Message ?? String(e) })));
  }
  if (result.value === undefined && errors.length === 0) {
    errors.push({ message: "the parser returned no workflow" });
  }
  for (const e of errors) {
    console.log(`${file}: ${e.message}`);
  }
  console.log(`${file}: ${errors.length === 0 ? "valid" : `${errors.length} error(s)`}`);
  failed += errors.length === 0 ? 0 : 1;
}
process.exit(failed === 0 ? 0 : 1);
