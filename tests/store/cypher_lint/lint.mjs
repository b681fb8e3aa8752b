// Lint Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support), offline.
// Input on stdin: a JSON list of statements. Output: a JSON list of [statement, diagnostics].
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  const out = statements.map((text) => {
    const { diagnostics } = lintCypherQuery(text, {});
    return [text, diagnostics.map((d) => ({ severity: d.severity, message: d.message }))];
  });
  process.stdout.write(JSON.stringify(out));
});
