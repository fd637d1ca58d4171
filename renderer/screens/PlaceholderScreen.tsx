import type { ScreenDef } from '../app/screens';

/** A screen not built yet: it says what it will hold and shows no numbers. */
export function PlaceholderScreen({ screen }: { screen: ScreenDef }) {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{screen.label}</h1>
      </header>
      <div className="placeholder">
        <p className="placeholder-title">Màn hình này đang được xây dựng.</p>
        <p>Màn hình sẽ gồm: {screen.plan}</p>
      </div>
    </section>
  );
}
