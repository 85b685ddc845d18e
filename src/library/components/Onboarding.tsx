// What an empty library shows: what to do first, in three lines, with the shortcuts.
export function Onboarding() {
  return (
    <section class="onboarding" aria-labelledby="onboarding-heading">
      <h1 id="onboarding-heading" tabIndex={-1}>
        Your library is empty
      </h1>
      <ol>
        <li>
          Open an article you want to keep and press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> (or use the Crisscross button) to clip it.
        </li>
        <li>
          Select a passage and choose “Highlight”, or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>; add a note to say why it matters.
        </li>
        <li>Tag what you save by topic: Crisscross shows how ideas connect across your topics.</li>
      </ol>
    </section>
  );
}
