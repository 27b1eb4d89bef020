// The few lunr 2 APIs the benchmark uses (the package ships no types).
declare module 'lunr' {
  interface Builder {
    ref(name: string): void;
    field(name: string, attributes?: { boost?: number }): void;
    add(doc: Record<string, string>): void;
  }
  interface Index {
    search(query: string): { ref: string; score: number }[];
  }
  function lunr(config: (this: Builder, builder: Builder) => void): Index;
  export default lunr;
}
