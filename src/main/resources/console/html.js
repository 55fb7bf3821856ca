// React (loaded by the page from /console/lib) with htm's tagged templates instead of JSX: no build step.
import htm from './vendor/htm/htm.module.js';

export const React = window.React;
export const html = htm.bind(React.createElement);
export const { useState, useEffect, useCallback, useMemo, useRef, Fragment } = React;
