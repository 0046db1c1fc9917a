// Types for the Monaco modules ./features reaches past the public API for (monaco-editor 0.57
// ships no declarations for them): the registries of editor contributions, actions, editor
// features and singleton services, the action object an editor keeps for each action, and
// the standalone editor's services.

declare module "monaco-editor/editor/browser/editorExtensions" {
  export interface EditorContributionDescription {
    id: string;
    ctor: unknown;
    instantiation: number;
  }
  export interface EditorAction {
    id: string;
    label: string;
    alias: string;
    metadata: unknown;
    precondition: unknown;
    runEditorCommand(accessor: unknown, editor: unknown, args: unknown): unknown;
  }
  export const EditorExtensionsRegistry: {
    getEditorContributions(): EditorContributionDescription[];
    getEditorActions(): EditorAction[];
  };
}

declare module "monaco-editor/editor/common/editorAction" {
  export class InternalEditorAction {
    constructor(
      id: string,
      label: string,
      alias: string,
      metadata: unknown,
      precondition: unknown,
      run: (args: unknown) => Promise<unknown>,
      contextKeyService: unknown,
    );
    readonly id: string;
  }
}

declare module "monaco-editor/editor/common/editorFeatures" {
  export function getEditorFeatures(): unknown[];
}

declare module "monaco-editor/platform/instantiation/common/extensions" {
  export function getSingletonServiceDescriptors(): [unknown, unknown][];
}

declare module "monaco-editor/editor/standalone/browser/standaloneServices" {
  export const StandaloneServices: {
    /** The services' instantiation service (made on the first call, returned as it is after). */
    initialize(overrides: object): {
      _services: { get(id: unknown): unknown; set(id: unknown, descriptor: unknown): void };
      createInstance(ctor: unknown): unknown;
    };
  };
}
