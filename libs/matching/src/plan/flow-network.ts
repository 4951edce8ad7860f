/**
 * A residual network with Dinic's max-flow algorithm that can be resumed after capacities grow: the plan raises the
 * sink capacities one value level at a time and pushes more flow from where the previous level stopped.
 * Capacities are integers below 2^53 (or Infinity), so every residual stays an exact integer.
 */
export class FlowNetwork {
  private readonly start: Int32Array;
  private readonly head: Int32Array;
  private readonly partner: Int32Array;
  private readonly residual: Float64Array;
  private readonly arcOfEdge: Int32Array;
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;
  private readonly queue: Int32Array;

  constructor(nodeCount: number, from: Int32Array, to: Int32Array, capacity: Float64Array) {
    const edgeCount = from.length;
    this.start = new Int32Array(nodeCount + 1);
    for (let e = 0; e < edgeCount; e++) {
      this.start[from[e] + 1]++;
      this.start[to[e] + 1]++;
    }
    for (let v = 0; v < nodeCount; v++) this.start[v + 1] += this.start[v];
    const fill = this.start.slice(0, nodeCount);
    this.head = new Int32Array(2 * edgeCount);
    this.partner = new Int32Array(2 * edgeCount);
    this.residual = new Float64Array(2 * edgeCount);
    this.arcOfEdge = new Int32Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) {
      const forward = fill[from[e]]++;
      const backward = fill[to[e]]++;
      this.head[forward] = to[e];
      this.head[backward] = from[e];
      this.partner[forward] = backward;
      this.partner[backward] = forward;
      this.residual[forward] = capacity[e];
      this.arcOfEdge[e] = forward;
    }
    this.level = new Int32Array(nodeCount);
    this.cursor = new Int32Array(nodeCount);
    this.queue = new Int32Array(nodeCount);
  }

  raiseCapacity(edge: number, by: number): void {
    this.residual[this.arcOfEdge[edge]] += by;
  }

  flowOn(edge: number): number {
    return this.residual[this.partner[this.arcOfEdge[edge]]];
  }

  /** Augments the current flow to a maximum one; returns how much was added. */
  maxFlow(source: number, sink: number): number {
    let added = 0;
    while (this.buildLevels(source, sink)) added += this.blockingFlow(source, sink);
    return added;
  }

  private buildLevels(source: number, sink: number): boolean {
    const { level, queue, start, head, residual } = this;
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    for (let read = 0, write = 1; read < write; read++) {
      const u = queue[read];
      // Nodes at the sink's depth or deeper cannot lie on a shortest augmenting path.
      if (level[sink] >= 0 && level[u] >= level[sink]) break;
      for (let a = start[u]; a < start[u + 1]; a++) {
        const v = head[a];
        if (level[v] < 0 && residual[a] > 0) {
          level[v] = level[u] + 1;
          queue[write++] = v;
        }
      }
    }
    this.cursor.set(start.subarray(0, this.cursor.length));
    return level[sink] >= 0;
  }

  /** Iterative DFS along level-increasing arcs; dead ends are cut off by lowering their level. */
  private blockingFlow(source: number, sink: number): number {
    const { level, cursor, start, head, residual, partner } = this;
    const path: number[] = [];
    let pushed = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let amount = Infinity;
        for (const a of path) if (residual[a] < amount) amount = residual[a];
        let retreatTo = -1;
        for (let i = 0; i < path.length; i++) {
          residual[path[i]] -= amount;
          residual[partner[path[i]]] += amount;
          if (retreatTo < 0 && residual[path[i]] === 0) retreatTo = i;
        }
        pushed += amount;
        path.length = retreatTo;
        u = retreatTo === 0 ? source : head[path[retreatTo - 1]];
        continue;
      }
      let a = cursor[u];
      const end = start[u + 1];
      while (a < end && !(residual[a] > 0 && level[head[a]] === level[u] + 1)) a++;
      cursor[u] = a;
      if (a < end) {
        path.push(a);
        u = head[a];
        continue;
      }
      level[u] = -1;
      if (path.length === 0) return pushed;
      path.pop();
      u = path.length === 0 ? source : head[path[path.length - 1]];
    }
  }
}
