// Types of the data the build writes for the browser scripts (docs/assets/*.js), for
// `tsc --checkJs` alone: nothing here is published or run. The data is made by
// peerhub.render.picker_table and peerhub.render.datafiles.

type Dimension = "mode" | "size" | "minutes" | "cadence" | "facilitation";
type Choices = Partial<Record<Dimension | "second", string>>;

interface Named { name: string; url: string }

interface PickerDesign {
  key: string;
  outcome: string;
  title: string;
  formats: string[];
  cadence: string;
  cadence_id: string;
  program: string;
  facilitation: string;
  modes: string;
  modes_words: string;
  who: string;
  months: { min: number; max: number };
  why: { topic: string; reason: string }[];
  kit: string;
  groups: string[];
  evidence: { maturity: number; lasting: number; medians: number };
  base: number;
  notes: number[];
  effects: Record<Dimension, number[]>;
  size: number[];
  session: number[];
  meetings: number[];
  agendas: number[];
  sources: string;
  sources_text: number;
  sources_note: number;
}

interface KitWords {
  cadences: Record<string, { label: string; words: string }>;
  modes: Record<string, { label: string; words: string }>;
  facilitation: Record<string, string>;
}

interface PickerData {
  choices: Record<Dimension, string[]>;
  ranked: number;
  penalty_scale: number;
  outcomes: Record<string, Named & { question: string }>;
  formats: Record<string, Named>;
  groups: Record<string, Named>;
  candidates: Record<string, number[]>;
  designs: PickerDesign[];
  effects: { size_cost: number[]; conflict: number[]; penalty: number[]; change: number[]; note: number[] };
  texts: string[];
  steps: { title: number; detail: number }[];
  agendas: { step: number; minutes: number; time: number }[][];
  later: number[];
  second: Record<string, number>;
  kit: KitWords;
}

interface AgendaStep { title: string; minutes: number; detail: string; time: string }

interface Scored { id: number; rank: number[]; effects: number[]; order: number; sources: number }

interface Adapted {
  base: PickerDesign;
  size: string;
  minutes: number;
  meetings: string;
  schedule: Record<string, string>;
  agenda: AgendaStep[];
  later: AgendaStep[];
  changes: string[];
  notes: string[];
  conflicts: string[];
}

interface Answer { notes: string[]; designs: Adapted[]; second: string | null }

interface PeerHub {
  el<K extends keyof HTMLElementTagNameMap>(
    tag: K, props?: Record<string, string>, children?: (Node | null | undefined)[]
  ): HTMLElementTagNameMap[K];
  onPage(init: () => void): void;
  load(url: string): Promise<any>;
  outcomeData(pattern: string, outcome: string): Promise<PickerData>;
  answer(data: PickerData, outcome: string, choices?: Choices): Answer;
  design(data: PickerData, outcome: string, key: string, choices?: Choices): Adapted | null;
  own<T>(object: Record<string, T>, key: string): T | undefined;
  DIMENSIONS: Dimension[];
  kit?: Record<string, Function>;
}

interface DirectoryData {
  facets: { name: string; label: string; options: { value: string; label: string }[] }[];
  groups: { name: string; url: string; summary: string; values: Record<string, string[]> }[];
}

interface Window {
  peerHub: PeerHub;
  // The page scripts' starts: an array until hub.js runs, then what runs them at once.
  peerHubReady: { push(start: (hub: PeerHub) => void): unknown };
}

// In Node (the tests), each script exports its functions instead of starting.
declare var module: { exports: unknown } | undefined;

// One design as the start kit shows it: as the picker adapts it, with the choices the
// kit names in the data's words.
interface KitDesign extends Adapted {
  outcome: Named & { question: string };
  cadence: string;
  facilitation: string;
  mode: string;
  modeWords: string;
}
