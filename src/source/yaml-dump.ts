// YAML output for the to_yaml / to_nice_yaml template filters (the `yaml` library stays in src/source/).
import { Document, isCollection, isScalar, visit } from 'yaml';

export interface DumpOptions {
  indent?: number;
  /** PyYAML's default_flow_style=None: collections holding only scalars are written inline. */
  flowLeaves?: boolean;
}

export function dumpYaml(value: unknown, options: DumpOptions = {}): string {
  const doc = new Document(value, { sortMapEntries: true, version: '1.1' });
  if (options.flowLeaves) {
    visit(doc, {
      Collection(_key, node) {
        if (isCollection(node) && node.items.every((item) => (isScalar(item) ? true : 'value' in (item as object) && isScalar((item as { value: unknown }).value) && isScalar((item as { key: unknown }).key)))) {
          node.flow = true;
        }
      },
    });
  }
  return doc.toString({ indent: options.indent ?? 2, indentSeq: false, lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}
