// Monaco's heavier editor features — hovers, completion, snippets, quick fixes, find, folding,
// the context menu, … — loaded once the editor is shown, and joined to editors made before
// they arrived without re-creating them (Monaco itself gives an editor the contributions
// registered when it is constructed, and starts the services registered when its first editor
// is: codeEditorWidget.ts and standaloneServices.ts in monaco-editor 0.57).

import type * as M from "monaco-editor/editor/editor.api";
import { EditorExtensionsRegistry } from "monaco-editor/editor/browser/editorExtensions";
import { InternalEditorAction } from "monaco-editor/editor/common/editorAction";
import { getEditorFeatures } from "monaco-editor/editor/common/editorFeatures";
import { StandaloneServices } from "monaco-editor/editor/standalone/browser/standaloneServices";
import { getSingletonServiceDescriptors } from "monaco-editor/platform/instantiation/common/extensions";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/suggest/register";
// the suggest widget's controller is not part of features/suggest (editor.main imports it last)
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/smartSelect/register";

/** Starts what the features add to Monaco's services (standaloneServices.ts's initialize, for
 *  what it did not see): their singletons, and the editor features registered after the first
 *  `started`. */
export function startFeatures(started: number): void {
  const services = StandaloneServices.initialize({});
  for (const [id, descriptor] of getSingletonServiceDescriptors()) if (!services._services.get(id)) services._services.set(id, descriptor);
  for (const feature of getEditorFeatures().slice(started)) services.createInstance(feature);
}

/** What of a CodeEditorWidget's private state joining it needs (codeEditorWidget.ts, 0.57). */
interface WidgetInternals {
  _contributions: {
    initialize(editor: unknown, contributions: ReturnType<typeof EditorExtensionsRegistry.getEditorContributions>, instantiation: unknown): void;
    _instances: { get(id: string): unknown };
    _pending: Map<string, unknown>;
  };
  _instantiationService: { invokeFunction<T>(fn: (accessor: unknown) => T): T };
  _contextKeyService: unknown;
  _actions: Map<string, InternalEditorAction>;
}

/** Gives `editor` the contributions and actions registered since it was made: what its
 *  constructor does with them, the contributions made now in their instantiation order (those
 *  Monaco makes only on first use stay so). Joining twice adds nothing. */
export function joinFeatures(editor: M.editor.ICodeEditor): void {
  const w = editor as unknown as WidgetInternals;
  if (!(w._contributions?._pending instanceof Map) || !(w._actions instanceof Map) || !w._instantiationService)
    throw new Error("joinFeatures: this Monaco's editor is not shaped as 0.57's (codeEditorWidget.ts)");
  const added = EditorExtensionsRegistry.getEditorContributions().filter(
    (c) => w._contributions._instances.get(c.id) === undefined && !w._contributions._pending.has(c.id),
  );
  w._contributions.initialize(editor, added, w._instantiationService);
  // EditorContributionInstantiation: Eager, AfterFirstRender, BeforeFirstInteraction, Eventually (Lazy stays pending)
  for (const kind of [0, 1, 2, 3]) for (const c of added) if (c.instantiation === kind) editor.getContribution(c.id);
  for (const action of EditorExtensionsRegistry.getEditorActions()) {
    if (w._actions.has(action.id)) continue;
    const run = (args: unknown) => w._instantiationService.invokeFunction((accessor) => Promise.resolve(action.runEditorCommand(accessor, editor, args)));
    w._actions.set(
      action.id,
      new InternalEditorAction(action.id, action.label, action.alias, action.metadata, action.precondition ?? undefined, run, w._contextKeyService),
    );
  }
}
