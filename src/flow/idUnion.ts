/**
 * Union-find over string ids, such as `t:<task_uuid>`, `c:<correlation_id>`, `s:<step_uuid>`: the spans that share an
 * id, directly or through others, belong to one task. Used by the task list and by task files alike.
 */
export class IdUnion {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) {
      root = p;
    }
    if (!this.parent.has(root)) {
      this.parent.set(root, root);
    }
    // Path compression keeps later finds short.
    for (let cur = x; cur !== root;) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) {
      this.parent.set(rb, ra);
    }
  }
}
