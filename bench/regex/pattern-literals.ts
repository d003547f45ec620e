/**
 * Every regular-expression literal of the project's sources (`src/**\/*.ts`, tests excluded), read
 * with the TypeScript parser, with where it stands. Patterns built at run time (`new RegExp(...)`)
 * are counted, not read: their text is only known when the code runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface PatternLiteral {
  /** `src/math/verify.ts:120` */
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The literals of `root/src`, and how many patterns are built at run time. */
export function patternLiterals(root: string): { literals: PatternLiteral[]; builtAtRunTime: number } {
  const literals: PatternLiteral[] = [];
  let builtAtRunTime = 0;
  for (const file of sourceFiles(join(root, 'src'))) {
    const tree = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(tree);
        const close = text.lastIndexOf('/');
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        literals.push({
          where: `${relative(root, file)}:${line}`,
          source: text.slice(1, close),
          flags: text.slice(close + 1),
        });
      } else if (ts.isNewExpression(node) && node.expression.getText(tree) === 'RegExp') builtAtRunTime++;
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return { literals, builtAtRunTime };
}
