// The library page's entry point.
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
