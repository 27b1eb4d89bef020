// Angular (standalone component). Not built in this repository's tests (Angular is not a
// dependency here); React and Vue are, see examples/build.mjs.
//
// - CUSTOM_ELEMENTS_SCHEMA lets the template use kb-* tags.
// - [prop]="value" sets a DOM property (objects such as `strings` or `knowledgeBase`),
//   attr.x sets an attribute, (event-name)="..." listens to the element's events.
import 'kb-elements'; // registers the kb-* elements (or add dist/kb-elements.js to "scripts" in angular.json)
import { Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, ViewChild } from '@angular/core';
import type { KbArticleOpenEvent, KbHelp, KbSearchEvent, KbStrings } from 'kb-elements';

@Component({
  selector: 'app-settings',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <form>
      <label for="threshold">Spam threshold</label>
      <input id="threshold" type="number" value="5" />
      <kb-tip for="threshold" [src]="kb" context="settings.spam-filter" (kb-article-open)="showInHelp($event)"></kb-tip>
    </form>
    <p>Last search: {{ lastSearch }}</p>
    <kb-help #help [src]="kb" [strings]="strings" (kb-search)="onSearch($event)"></kb-help>
  `,
})
export class SettingsComponent {
  readonly kb = '/help/kb.json';
  readonly strings: Partial<KbStrings> = { searchPlaceholder: 'Ask Skyhost anything' };
  lastSearch = '';
  @ViewChild('help') help?: ElementRef<KbHelp>;

  onSearch(event: Event) {
    this.lastSearch = (event as KbSearchEvent).query;
  }

  showInHelp(event: Event) {
    const open = event as KbArticleOpenEvent;
    open.preventDefault(); // show it in our own help center instead of the launcher
    this.help?.nativeElement.open(open.articleId, open.sectionId);
  }
}
