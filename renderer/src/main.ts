import { mount } from 'svelte'
import App from './App.svelte'
import './styles/app.css'

const target = document.getElementById('app')
if (!target) throw new Error('The #app element is missing from index.html.')

// Without the preload's bridge nothing can work: say so plainly instead of failing half-way.
if ((window as { api?: unknown }).api === undefined) {
  const message = document.createElement('p')
  message.className = 'banner'
  message.setAttribute('role', 'alert')
  message.textContent =
    'The window could not connect to the app (its bridge is missing). Restart the app; if this persists, reinstall it.'
  target.replaceChildren(message)
} else {
  mount(App, { target })
}
