/**
 * Finds which of many word lists a line holds a word of, reading the line once (an Aho-Corasick
 * automaton): twenty parsers' keyword tests cost one pass instead of twenty regular expressions.
 * Words match in any ASCII case (they are written in lower case); other characters match exactly.
 */

/** Characters below this have a dense transition row; others (CJK) follow failure links. */
const DENSE = 256;

type State = { fail: number; wide: Map<number, number>; mask: number };

export class WordScanner {
  private readonly dense: Int32Array;
  private readonly masks: Int32Array;
  private readonly states: State[];

  /** `lists[i]` is the words of list i (at most 31 lists); a hit on one of them sets bit i. */
  constructor(lists: readonly (readonly string[])[]) {
    if (lists.length > 31) throw new Error(`WordScanner: ${lists.length} word lists, at most 31`);
    const goto: Map<number, number>[] = [new Map()];
    const states: State[] = [{ fail: 0, wide: new Map(), mask: 0 }];
    lists.forEach((words, list) => {
      for (const word of words) {
        if (word === "" || /[A-Z]/.test(word)) throw new Error(`WordScanner: "${word}" must be a non-empty lower-case word`);
        let state = 0;
        for (let at = 0; at < word.length; at++) {
          const code = word.charCodeAt(at);
          let next = goto[state].get(code);
          if (next === undefined) {
            next = states.length;
            goto[state].set(code, next);
            goto.push(new Map());
            states.push({ fail: 0, wide: new Map(), mask: 0 });
          }
          state = next;
        }
        states[state].mask |= 1 << list;
      }
    });
    const dense = new Int32Array(states.length * DENSE);
    // Breadth first: a state's failure link is known before its children are reached.
    const queue: number[] = [];
    for (const [code, next] of goto[0]) {
      if (code < DENSE) dense[code] = next;
      else states[0].wide.set(code, next);
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const { fail } = states[state];
      states[state].mask |= states[fail].mask;
      for (let code = 0; code < DENSE; code++) {
        const next = goto[state].get(code);
        if (next === undefined) dense[state * DENSE + code] = dense[fail * DENSE + code];
        else {
          states[next].fail = dense[fail * DENSE + code];
          dense[state * DENSE + code] = next;
          queue.push(next);
        }
      }
      for (const [code, next] of goto[state]) {
        if (code < DENSE) continue;
        states[state].wide.set(code, next);
        states[next].fail = this.wideStep(states, fail, code);
        queue.push(next);
      }
    }
    this.dense = dense;
    this.states = states;
    this.masks = Int32Array.from(states, (state) => state.mask);
  }

  /** The lists the line holds a word of, as bits. */
  scan(line: string): number {
    const { dense, masks } = this;
    let state = 0;
    let found = 0;
    for (let at = 0; at < line.length; at++) {
      let code = line.charCodeAt(at);
      if (code >= 65 && code <= 90) code += 32;
      state = code < DENSE ? dense[state * DENSE + code] : this.wideStep(this.states, state, code);
      found |= masks[state];
    }
    return found;
  }

  private wideStep(states: State[], from: number, code: number): number {
    for (let state = from; ; state = states[state].fail) {
      const next = states[state].wide.get(code);
      if (next !== undefined) return next;
      if (state === 0) return 0;
    }
  }
}
