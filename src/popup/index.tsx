// The popup's entry point.
import { render } from 'preact';
import { App } from './App';

const root = document.getElementById('app')!;
render(<App search={location.search} />, root);
