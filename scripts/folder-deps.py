#!/usr/bin/env python3
"""A rough check of PulseKit's layering: for each top-level folder of Sources/PulseKit, the other
folders whose types it names, then every pair of folders that name each other's types (with an
example type each way) and the groups of folders that sit on a common cycle.

It greps: a type is a top-level struct, enum, class, protocol, actor or typealias, and a use is
its name anywhere outside comments and string literals. Names declared in two folders are ignored.

    python3 scripts/folder-deps.py                 # every folder
    python3 scripts/folder-deps.py Calendar,Ingest,Metrics,Health,Alerts,Transform,Warehouse,Reports,Run,Commands
"""
import itertools
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'PulseKit')
DECLARATION = re.compile(
    r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|fileprivate|private|package|final|indirect|nonisolated)\s+)*'
    r'(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)', re.M)


def code(source):
    """The source without comments, and string literals reduced to their interpolations."""
    interpolations = lambda text: ' '.join(re.findall(r'\\\(([^)]*)\)', text))
    source = re.sub(r'/\*.*?\*/', ' ', source, flags=re.S)
    source = re.sub(r'"""(.*?)"""', lambda m: interpolations(m.group(1)), source, flags=re.S)
    source = re.sub(r'//[^\n]*', ' ', source)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', lambda m: interpolations(m.group(0)), source)


def main():
    files = {}
    for folder, _, names in os.walk(ROOT):
        for name in names:
            if name.endswith('.swift'):
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, ROOT)
                files[relative] = relative.split(os.sep)[0] if os.sep in relative else '(root)'
    owners, texts = {}, {}
    for relative, folder in files.items():
        with open(os.path.join(ROOT, relative), encoding='utf-8') as handle:
            source = handle.read()
        texts[relative] = code(source)
        for name in DECLARATION.findall(source):
            owners.setdefault(name, set()).add(folder)
    uses = {}  # (user, owner) -> {type: [files]}
    for relative, folder in files.items():
        for name in set(re.findall(r'\b[A-Z]\w*\b', texts[relative])):
            owner = owners.get(name, set())
            if len(owner) == 1 and folder not in owner:
                uses.setdefault((folder, next(iter(owner))), {}).setdefault(name, []).append(relative)
    folders = sorted(set(files.values()))
    only = set(sys.argv[1].split(',')) if len(sys.argv) > 1 else set(folders)
    print('# uses (folder: the folders whose types it names)')
    for a in folders:
        print(f'{a}: {", ".join(sorted(b for (x, b) in uses if x == a)) or "-"}')

    def examples(found):
        shown = '; '.join(f'{name} ({sorted(paths)[0]})' for name, paths in sorted(found.items())[:3])
        return shown + (f' … {len(found)} types' if len(found) > 3 else '')

    print(f'\n# two-way pairs among {", ".join(sorted(only))}')
    for a, b in itertools.combinations(sorted(only), 2):
        if (a, b) in uses and (b, a) in uses:
            print(f'{a} <-> {b}\n  {a} uses {b}: {examples(uses[(a, b)])}\n  {b} uses {a}: {examples(uses[(b, a)])}')
    graph = {a: {b for (x, b) in uses if x == a and b in only} for a in folders if a in only}
    index, low, stack, groups = {}, {}, [], []

    def connect(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    print('\n# folders on a common cycle')
    for group in groups:
        if len(group) > 1:
            print(', '.join(group))


if __name__ == '__main__':
    main()
