import { describe, expect, it } from 'vitest';
import { buildOrgTree, flattenOrgTree } from './org-tree';

const unit = (id: string, name: string, parent?: string) => ({ id, name, parent: parent ? { id: parent } : null });

describe('buildOrgTree', () => {
  it('nests units under their parents, sorted by name', () => {
    const tree = buildOrgTree([
      unit('3', 'Sales North', '2'),
      unit('1', 'Operations'),
      unit('2', 'Sales'),
      unit('4', 'Sales East', '2'),
    ]);
    expect(tree).toEqual([
      { id: '1', name: 'Operations', children: [] },
      {
        id: '2',
        name: 'Sales',
        children: [
          { id: '4', name: 'Sales East', children: [] },
          { id: '3', name: 'Sales North', children: [] },
        ],
      },
    ]);
  });

  it('shows a unit whose parent is not listed as a root', () => {
    expect(buildOrgTree([unit('5', 'Orphan', 'missing')])).toEqual([{ id: '5', name: 'Orphan', children: [] }]);
  });

  it('does not loop on a cycle', () => {
    const tree = buildOrgTree([unit('a', 'A', 'b'), unit('b', 'B', 'a')]);
    expect(tree.map((node) => node.id).sort()).toEqual(['a', 'b']);
  });

  it('flattens in display order with depth', () => {
    const tree = buildOrgTree([unit('1', 'Root'), unit('2', 'Child', '1'), unit('3', 'Grandchild', '2')]);
    expect(flattenOrgTree(tree)).toEqual([
      { id: '1', name: 'Root', depth: 0, path: ['Root'] },
      { id: '2', name: 'Child', depth: 1, path: ['Root', 'Child'] },
      { id: '3', name: 'Grandchild', depth: 2, path: ['Root', 'Child', 'Grandchild'] },
    ]);
  });
});
